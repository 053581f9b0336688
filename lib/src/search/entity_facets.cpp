// SPDX-License-Identifier: GPL-2.0-or-later
#include "search/entity_facets.hpp"

#include <algorithm>
#include <string_view>

#include "index/prefixes.hpp"

namespace ngosearch::detail {

EntityFacetSpy::EntityFacetSpy() : Xapian::ValueCountMatchSpy(slot(Slot::Entities)) {}

std::vector<Facet> EntityFacetSpy::facets(std::size_t limit) const {
    // (type, id) → (name, documents)
    std::map<std::pair<entities::EntityType, std::string>, std::pair<std::string, std::size_t>>
        counts;
    for (auto v = values_begin(); v != values_end(); ++v) {
        const std::string listed = *v;
        // "type\tid\tname" lines, one per entity the documents name (see DocumentBuilder).
        std::string_view rest = listed;
        while (!rest.empty()) {
            const std::size_t nl = rest.find('\n');
            const std::string_view line = rest.substr(0, nl);
            rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
            const std::size_t t1 = line.find('\t');
            const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
            if (t2 == std::string_view::npos) continue;
            const auto type = entities::parse_entity_type(line.substr(0, t1));
            if (!type) continue;
            auto& entry = counts[{*type, std::string(line.substr(t1 + 1, t2 - t1 - 1))}];
            if (entry.first.empty()) entry.first = std::string(line.substr(t2 + 1));
            entry.second += v.get_termfreq();
        }
    }
    std::vector<Facet> out;
    for (const entities::EntityType type : entities::kEntityTypes) {
        Facet f;
        f.type = type;
        for (const auto& [key, value] : counts) {
            if (key.first == type) f.values.push_back({key.second, value.first, value.second});
        }
        if (f.values.empty()) continue;
        std::sort(f.values.begin(), f.values.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.name < b.name;
        });
        if (f.values.size() > limit) f.values.resize(limit);
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace ngosearch::detail
