// SPDX-License-Identifier: GPL-2.0-or-later
#include <algorithm>
#include <string>
#include <vector>

#include <ngosearch/analysis/stemmer.hpp>

#include "detail/embedded_data.hpp"

namespace ngosearch::analysis {

namespace {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Suffixes sorted longest first, so that "에서" is tried before "에" and "으로부터" before "부터".
std::vector<std::string_view> longest_first(std::string_view file) {
    std::vector<std::string_view> v = detail::list_lines(file);
    std::stable_sort(v.begin(), v.end(),
                     [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    return v;
}

// Shortest stem the rules may leave. One-syllable stems are mostly wrong (결과 → 결, 회의 → 회).
constexpr std::size_t kMinStemSyllables = 2;
// Particles stack (탈북자들의, 북한에서는) but rarely more than three deep.
constexpr int kMaxParticleSteps = 3;

class KoreanRuleStemmer final : public Stemmer {
public:
    KoreanRuleStemmer()
        : particles_(longest_first(data::ko_particles)), endings_(longest_first(data::ko_endings)) {}

    std::string stem(std::string_view term) const override {
        std::string_view s = term;
        strip_one(s, endings_);
        for (int step = 0; step < kMaxParticleSteps; ++step) {
            if (!strip_one(s, particles_)) break;
        }
        return std::string(s);
    }

    std::string_view name() const noexcept override { return "ko_rules"; }

private:
    static bool strip_one(std::string_view& s, const std::vector<std::string_view>& suffixes) {
        const std::size_t syllables = code_points(s);
        for (const std::string_view suffix : suffixes) {
            if (s.size() > suffix.size() && s.ends_with(suffix) &&
                syllables - code_points(suffix) >= kMinStemSyllables) {
                s.remove_suffix(suffix.size());
                return true;
            }
        }
        return false;
    }

    std::vector<std::string_view> particles_;
    std::vector<std::string_view> endings_;
};

}  // namespace

std::unique_ptr<Stemmer> make_korean_stemmer() { return std::make_unique<KoreanRuleStemmer>(); }

}  // namespace ngosearch::analysis
