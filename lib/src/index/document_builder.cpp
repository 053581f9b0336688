// SPDX-License-Identifier: GPL-2.0-or-later
#include "index/document_builder.hpp"

#include <map>

#include <ngosearch/error.hpp>
#include <ngosearch/ingest/loader.hpp>
#include <ngosearch/text/normalize.hpp>
#include <ngosearch/text/utf8.hpp>

#include "detail/document_utf8.hpp"
#include "detail/text_pieces.hpp"
#include "index/document_codec.hpp"
#include "index/prefixes.hpp"
#include "index/schema.hpp"
#include "index/term_scheme.hpp"

namespace ngosearch::detail {

namespace {

// Title words also count as body words, weighted up: a match in the title says more.
constexpr Xapian::termcount kTitleWdf = 2;
// Gap between fields so a phrase cannot span the title's end and the body's start.
constexpr Xapian::termpos kFieldGap = 100;
// Language and type are filter codes ("ko", "press-release"), not text.
constexpr std::size_t kMaxCodeBytes = 64;

// Stored and indexed text must be UTF-8 (file names from other systems may not be).
Document valid_utf8(const Document& d) {
    Document out = d;
    repair_utf8_fields(out);
    return out;
}

}  // namespace

DocumentBuilder::DocumentBuilder(std::shared_ptr<const analysis::Analyzer> analyzer,
                                 std::shared_ptr<const entities::EntityTagger> tagger,
                                 std::size_t piece_bytes, StoredParts parts)
    : analyzer_(std::move(analyzer)),
      tagger_(std::move(tagger)),
      piece_bytes_(piece_bytes),
      parts_(parts) {
    if (!analyzer_) throw InvalidArgument("DocumentBuilder: analyzer must not be null");
    if (piece_bytes_ == 0) throw InvalidArgument("DocumentBuilder: piece_bytes must not be 0");
}

void DocumentBuilder::add_entity_terms(const std::vector<entities::Entity>& in_title,
                                       const std::vector<entities::Entity>& in_body,
                                       Xapian::Document& x) const {
    // One term per entity (and per article cited), its wdf the mentions: title ones count as
    // the title's words do.
    std::map<std::string, Xapian::termcount> terms;
    std::map<std::pair<entities::EntityType, std::string>, std::string> listed;  // → name
    const auto count = [&](const entities::Entity& e, Xapian::termcount weight) {
        const std::string term = std::string(entity_field(e.type).prefix) + e.id;
        if (term.size() > kMaxTermBytes) return;
        terms[term] += weight;
        if (!e.article.empty() && term.size() + 1 + e.article.size() <= kMaxTermBytes) {
            terms[term + '/' + e.article] += weight;
        }
        listed.emplace(std::make_pair(e.type, e.id), e.name);
    };
    for (const auto& e : in_title) count(e, kTitleWdf);
    for (const auto& e : in_body) count(e, 1);
    for (const auto& [term, wdf] : terms) x.add_term(term, wdf);
    std::string value;
    for (const auto& [key, name] : listed) {
        value += std::string(entities::to_string(key.first)) + '\t' + key.second + '\t' + name + '\n';
    }
    if (!value.empty()) x.add_value(slot(Slot::Entities), value);
}

BuiltDocument DocumentBuilder::build(const Document& given, std::string_view content_hash) const {
    Document doc = valid_utf8(given);
    if (doc.id.empty()) throw InvalidArgument("document id must not be empty");
    if (!doc.date.empty()) {
        const auto d = ingest::normalize_date(doc.date);
        if (!d) {
            throw InvalidArgument("document '" + doc.id + "' has an invalid date '" + doc.date +
                                  "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        doc.date = *d;
    }
    const std::string lang = text::normalize(doc.language);
    const std::string type = text::normalize(doc.type);
    if (lang.size() > kMaxCodeBytes || type.size() > kMaxCodeBytes) {
        throw InvalidArgument("document '" + doc.id +
                              "': language and type must be short codes (at most " +
                              std::to_string(kMaxCodeBytes) + " bytes), like 'ko' or 'letter'");
    }
    BuiltDocument out;
    Xapian::Document& x = out.document;
    // One analysis of each field (each piece of the body) serves the terms and the entities.
    thread_local analysis::TokenBuffer tokens;
    thread_local std::vector<entities::Entity> in_title;
    tokens.clear();
    in_title.clear();
    doc.entities.clear();
    analyzer_->analyze(doc.title, tokens);
    if (tagger_) tagger_->tag(doc.title, doc.date, *analyzer_, tokens, in_title);
    index_tokens(x, *analyzer_, tokens, find_field("title")->prefix, 1, 1, parts_);
    Xapian::termpos next =
        index_tokens(x, *analyzer_, tokens, "", kTitleWdf, 1, parts_) + kFieldGap;
    const std::string_view body = doc.body;
    for (std::size_t begin = 0; begin < body.size();) {
        const std::string_view piece = body.substr(begin, piece_end(body.substr(begin),
                                                                    piece_bytes_));
        tokens.clear();
        analyzer_->analyze(piece, tokens);
        if (tagger_) {
            const std::size_t first = doc.entities.size();
            tagger_->tag(piece, doc.date, *analyzer_, tokens, doc.entities);
            for (std::size_t i = first; i < doc.entities.size(); ++i) {
                doc.entities[i].begin += static_cast<std::uint32_t>(begin);
                doc.entities[i].end += static_cast<std::uint32_t>(begin);
            }
        }
        // Positions go on from the previous piece's last word.
        if (!tokens.empty()) next = index_tokens(x, *analyzer_, tokens, "", 1, next, parts_);
        begin += piece.size();
    }
    // A large body leaves the buffer's capacity behind in this thread: let it go.
    if (tokens.capacity() > (1u << 16)) analysis::TokenBuffer().swap(tokens);
    add_entity_terms(in_title, doc.entities, x);
    x.set_data(encode_document(doc));
    out.id = doc.id;
    out.text_bytes = doc.title.size() + doc.body.size();
    out.id_term = id_term(doc.id);
    x.add_boolean_term(out.id_term);
    const std::string lang_prefix(find_field("lang")->prefix), type_prefix(find_field("type")->prefix);
    if (!lang.empty()) {
        x.add_boolean_term(lang_prefix + lang);
        // A mixed document is found by either language's filter.
        if (lang == "mixed") {
            x.add_boolean_term(lang_prefix + "en");
            x.add_boolean_term(lang_prefix + "ko");
        }
    }
    if (!type.empty()) x.add_boolean_term(type_prefix + type);
    if (!doc.date.empty()) x.add_value(slot(Slot::Date), date_value(doc.date));
    if (!content_hash.empty()) x.add_value(slot(Slot::ContentHash), std::string(content_hash));
    return out;
}

}  // namespace ngosearch::detail
