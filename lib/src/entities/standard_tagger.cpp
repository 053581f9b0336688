// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <map>

#include <ngosearch/analysis/analyzer.hpp>
#include <ngosearch/entities/gazetteer.hpp>
#include <ngosearch/entities/tagger.hpp>

#include "entities/gazetteer_matcher.hpp"
#include "entities/name_index.hpp"
#include "entities/rules.hpp"
#include "entities/text_view.hpp"

namespace ngosearch::entities {

namespace {

// Bump when what the rules find changes.
constexpr int kRulesVersion = 2;

// A rule's mention that holds a gazetteer name of the same type only adds words the rule took
// for part of the name ("Repeal the National Security Law", "2016 North Korean Human Rights
// Act"): the gazetteer's name is the mention. Not so when the name is what the rule's name is
// of or to ("Enforcement Decree of the Refugee Act", "Optional Protocol to the CAT"): another
// law.
void drop_rule_wrappers(std::string_view source, std::vector<detail::Mention>& found) {
    const auto of_or_to = [&](const Entity& outer, const Entity& inner) {
        const std::string_view before = source.substr(outer.begin, inner.begin - outer.begin);
        for (const std::string_view c : {" of ", " of the ", " to ", " to the ", " on the "}) {
            if (before.ends_with(c)) return true;
        }
        return false;
    };
    // The gazetteer's mentions by where they start, so that those inside a rule's mention are
    // a range, not a pass over all.
    std::vector<const Entity*> names;
    for (const auto& m : found) {
        if (m.entity.source == Source::Gazetteer) names.push_back(&m.entity);
    }
    std::stable_sort(names.begin(), names.end(),
                     [](const Entity* a, const Entity* b) { return a->begin < b->begin; });
    const auto wraps = [&](const detail::Mention& m) {
        const Entity& outer = m.entity;
        if (outer.source != Source::Rule) return false;
        auto it = std::lower_bound(names.begin(), names.end(), outer.begin,
                                   [](const Entity* e, std::uint32_t at) { return e->begin < at; });
        for (; it != names.end() && (*it)->begin < outer.end; ++it) {
            const Entity& inner = **it;
            if (inner.type == outer.type && inner.end <= outer.end &&
                outer.end - outer.begin > inner.end - inner.begin && !of_or_to(outer, inner)) {
                return true;
            }
        }
        return false;
    };
    std::vector<detail::Mention> kept;
    for (auto& m : found) {
        if (!wraps(m)) kept.push_back(std::move(m));
    }
    found.swap(kept);
}

// Of overlapping candidates the longest wins; at equal length a gazetteer name beats a rule.
void keep_best(std::vector<detail::Mention>& found) {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        const auto la = a.entity.end - a.entity.begin, lb = b.entity.end - b.entity.begin;
        if (la != lb) return la > lb;
        if (a.entity.source != b.entity.source) return a.entity.source == Source::Gazetteer;
        return a.entity.begin < b.entity.begin;
    });
    std::vector<detail::Mention> kept;
    std::map<std::uint32_t, std::uint32_t> taken;  // begin → end of the spans kept (disjoint)
    for (auto& m : found) {
        const std::uint32_t begin = m.entity.begin, end = m.entity.end;
        if (end <= begin) continue;
        // Only the kept span starting last before `end` can overlap, the spans being disjoint.
        const auto after = taken.lower_bound(end);
        if (after != taken.begin() && std::prev(after)->second > begin) continue;
        taken.emplace(begin, end);
        kept.push_back(std::move(m));
    }
    found.swap(kept);
}

class StandardTagger final : public EntityTagger {
public:
    StandardTagger(std::shared_ptr<const Gazetteer> gazetteer,
                   std::shared_ptr<const analysis::Analyzer> analyzer)
        : names_(std::move(gazetteer), std::move(analyzer)),
          fingerprint_(names_.gazetteer().fingerprint() + "+rules/" +
                       std::to_string(kRulesVersion)) {}

    void tag(std::string_view text, std::string_view date,
             std::vector<Entity>& out) const override {
        find(detail::TextView(text, date, names_), out);
    }

    void tag(std::string_view text, std::string_view date, const analysis::Analyzer& analyzer,
             const analysis::TokenBuffer& tokens, std::vector<Entity>& out) const override {
        if (&analyzer != &names_.analyzer()) return tag(text, date, out);
        find(detail::TextView(text, date, names_, tokens), out);
    }

    const std::string& fingerprint() const noexcept override { return fingerprint_; }

private:
    void find(const detail::TextView& view, std::vector<Entity>& out) const {
        std::vector<detail::Mention> found;
        detail::match_gazetteer(names_, view, found);
        detail::match_english_rules(names_, view, found);
        detail::match_korean_rules(names_, view, found);
        detail::match_resolutions(names_, view, found);
        detail::match_article_references(view, found);
        detail::attach_articles(view, found);
        drop_rule_wrappers(view.source, found);
        keep_best(found);
        detail::link_mentions(view, found);
        for (auto& m : found) out.push_back(std::move(m.entity));
    }

    detail::NameIndex names_;
    std::string fingerprint_;
};

}  // namespace

void EntityTagger::tag(std::string_view text, std::string_view date,
                       const analysis::Analyzer& /*analyzer*/,
                       const analysis::TokenBuffer& /*tokens*/, std::vector<Entity>& out) const {
    tag(text, date, out);
}

std::vector<Entity> EntityTagger::tag(std::string_view text, std::string_view date) const {
    std::vector<Entity> out;
    tag(text, date, out);
    return out;
}

std::shared_ptr<const EntityTagger> make_standard_tagger(
    std::shared_ptr<const Gazetteer> gazetteer, std::shared_ptr<const analysis::Analyzer> analyzer) {
    return std::make_shared<const StandardTagger>(
        gazetteer ? std::move(gazetteer) : Gazetteer::standard(),
        analyzer ? std::move(analyzer) : analysis::Analyzer::standard());
}

}  // namespace ngosearch::entities
