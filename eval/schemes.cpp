// SPDX-License-Identifier: GPL-2.0-or-later
#include "schemes.hpp"

#include <random>
#include <system_error>

namespace fs = std::filesystem;

namespace eval {

void NgosearchScheme::build(const std::vector<ngosearch::Document>& docs, const fs::path& dir) {
    {
        ngosearch::Indexer ix(dir, {.analyzer = analyzer_});
        for (const auto& d : docs) ix.add(d);
        ix.commit();
    }
    searcher_ = std::make_unique<ngosearch::Searcher>(dir, analyzer_);
}

std::pair<std::vector<std::string>, std::size_t> NgosearchScheme::search(const std::string& q,
                                                                         std::size_t k, bool all) {
    const auto r = searcher_->search(q, {.limit = k, .match_all = all,
                                         .korean_fallback = fallback_,
                                         .expand_entities = expand_});
    std::vector<std::string> ids;
    for (const auto& h : r.hits) ids.push_back(h.id);
    return {ids, r.total};
}

void XapianScheme::build(const std::vector<ngosearch::Document>& docs, const fs::path& dir) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    if (ngram_) tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    for (const auto& d : docs) {
        Xapian::Document x;
        tg.set_document(x);
        tg.index_text(d.title);
        tg.increase_termpos();
        tg.index_text(d.body);
        x.add_boolean_term("Q" + d.id);
        x.set_data(d.id);
        db.replace_document("Q" + d.id, x);
    }
    db.commit();
    db_ = Xapian::Database(dir.string());
    parser_.set_database(db_);
    parser_.set_stemmer(Xapian::Stem("english"));
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

std::pair<std::vector<std::string>, std::size_t> XapianScheme::search(const std::string& q,
                                                                      std::size_t k, bool all) {
    parser_.set_default_op(all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;
    if (ngram_) flags |= Xapian::QueryParser::FLAG_CJK_NGRAM;
    Xapian::Enquire enquire(db_);
    enquire.set_query(parser_.parse_query(q, flags));
    const Xapian::MSet m = enquire.get_mset(0, static_cast<Xapian::doccount>(k), 1000);
    std::vector<std::string> ids;
    for (auto it = m.begin(); it != m.end(); ++it) ids.push_back(it.get_document().get_data());
    return {ids, m.get_matches_estimated()};
}

std::pair<std::uintmax_t, std::uintmax_t> index_bytes(const fs::path& dir) {
    const fs::path compact = dir.string() + "-compact";
    Xapian::Database(dir.string()).compact(compact.string());
    std::uintmax_t total = 0, data = 0;
    for (const auto& e : fs::recursive_directory_iterator(compact)) {
        if (!e.is_regular_file()) continue;
        total += e.file_size();
        if (e.path().filename() == "docdata.glass") data += e.file_size();
    }
    return {total, total - data};
}

std::uintmax_t index_bytes_without(const fs::path& dir, const std::string& prefix) {
    const fs::path copy = dir.string() + "-without-" + prefix;
    {
        const Xapian::Database from(dir.string());
        Xapian::WritableDatabase to(copy.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (auto it = from.postlist_begin(""); it != from.postlist_end(""); ++it) {
            Xapian::Document d = from.get_document(*it);
            std::vector<std::string> drop;
            for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
                if ((*t).starts_with(prefix)) drop.push_back(*t);
            }
            for (const auto& t : drop) d.remove_term(t);
            to.replace_document(*it, d);
        }
        for (auto k = from.metadata_keys_begin(); k != from.metadata_keys_end(); ++k) {
            to.set_metadata(*k, from.get_metadata(*k));
        }
        to.commit();
    }
    const auto bytes = index_bytes(copy).first;
    std::error_code ec;
    fs::remove_all(copy, ec);
    return bytes;
}

TempDir::TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("ngosearch-eval-" + std::to_string(rd()));
    fs::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
}

}  // namespace eval
