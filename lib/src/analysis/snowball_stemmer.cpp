// SPDX-License-Identifier: GPL-2.0-or-later
#include <xapian.h>

#include <oneapi/tbb/enumerable_thread_specific.h>

#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/error.hpp>


namespace ngosearch::analysis {

namespace {

class SnowballStemmer final : public Stemmer {
public:
    explicit SnowballStemmer(std::string_view language)
        : stems_([lang = std::string(language)] { return Xapian::Stem(lang); }) {
        try {
            stems_.local();  // fails here for an unknown language, not in stem()
        } catch (const Xapian::InvalidArgumentError&) {
            throw InvalidArgument("unknown Snowball stemmer language '" + std::string(language) +
                                  "'; Xapian knows: " + Xapian::Stem::get_available_languages());
        }
        name_ = "snowball_" + std::string(language);
    }

    std::string stem(std::string_view term) const override {
        // A Snowball stemmer keeps state between calls: one instance per thread.
        return stems_.local()(std::string(term));
    }

    std::string_view name() const noexcept override { return name_; }

private:
    mutable oneapi::tbb::enumerable_thread_specific<Xapian::Stem> stems_;
    std::string name_;
};

}  // namespace

std::unique_ptr<Stemmer> make_snowball_stemmer(std::string_view language) {
    return std::make_unique<SnowballStemmer>(language);
}

}  // namespace ngosearch::analysis
