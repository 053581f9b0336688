// SPDX-License-Identifier: GPL-2.0-or-later
#include <xapian.h>

#include <mutex>

#include <ngosearch/analysis/stemmer.hpp>
#include <ngosearch/error.hpp>


namespace ngosearch::analysis {

namespace {

class SnowballStemmer final : public Stemmer {
public:
    explicit SnowballStemmer(std::string_view language) {
        try {
            stem_ = Xapian::Stem(std::string(language));
        } catch (const Xapian::InvalidArgumentError&) {
            throw InvalidArgument("unknown Snowball stemmer language '" + std::string(language) +
                                  "'; Xapian knows: " + Xapian::Stem::get_available_languages());
        }
        name_ = "snowball_" + std::string(language);
    }

    std::string stem(std::string_view term) const override {
        // A Snowball stemmer keeps state between calls: serialise use of the shared instance.
        const std::lock_guard lock(mutex_);
        return stem_(std::string(term));
    }

    std::string_view name() const noexcept override { return name_; }

private:
    mutable std::mutex mutex_;
    mutable Xapian::Stem stem_;
    std::string name_;
};

}  // namespace

std::unique_ptr<Stemmer> make_snowball_stemmer(std::string_view language) {
    return std::make_unique<SnowballStemmer>(language);
}

}  // namespace ngosearch::analysis
