// SPDX-License-Identifier: GPL-2.0-or-later
#include "detail/xapian_stem_adapter.hpp"

namespace ngosearch::detail {

namespace {

class StemAdapter final : public Xapian::StemImplementation {
public:
    explicit StemAdapter(std::shared_ptr<const analysis::Analyzer> analyzer)
        : analyzer_(std::move(analyzer)) {}

    std::string operator()(const std::string& word) override { return analyzer_->stem(word); }

    std::string get_description() const override {
        return "ngosearch(" + analyzer_->fingerprint() + ")";
    }

private:
    std::shared_ptr<const analysis::Analyzer> analyzer_;
};

}  // namespace

Xapian::Stem make_xapian_stem(std::shared_ptr<const analysis::Analyzer> analyzer) {
    // Xapian::Stem takes ownership of the implementation (it is reference-counted).
    return Xapian::Stem(std::make_unique<StemAdapter>(std::move(analyzer)).release());
}

}  // namespace ngosearch::detail
