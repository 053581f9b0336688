// SPDX-License-Identifier: GPL-2.0-or-later
// A Korean word list used to validate stems and split compounds. The system one is read at run
// time from Debian's hunspell-ko dictionary (never copied into this project).
//
//     auto lex = ngosearch::analysis::KoreanLexicon::system_default();
//     lex->contains("국가보안법")   // true when hunspell-ko is installed
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ngosearch::analysis {

/// An immutable set of Korean words (precomposed Hangul syllables only). Thread-safe.
class KoreanLexicon {
public:
    /// Reads a hunspell .dic file ("count" line, then "word/FLAGS" lines; words may be stored as
    /// conjoining jamo and are NFC-normalised). Entries that are not all Hangul syllables are
    /// left out. @throws InputError if the file cannot be read.
    static std::shared_ptr<const KoreanLexicon> load_hunspell(const std::filesystem::path& dic);

    /// A lexicon of the given words (NFC-normalised; non-Hangul entries left out), e.g. for tests
    /// or a project's own list. `name` identifies it in analyzer fingerprints.
    static std::shared_ptr<const KoreanLexicon> from_words(const std::vector<std::string>& words,
                                                           std::string name);

    /// $NGOSEARCH_KO_DICT if set, else /usr/share/hunspell/ko_KR.dic (Debian's hunspell-ko);
    /// an empty lexicon named "none" when neither can be read. Loaded once per process.
    static std::shared_ptr<const KoreanLexicon> system_default();

    ~KoreanLexicon();
    KoreanLexicon(const KoreanLexicon&) = delete;
    KoreanLexicon& operator=(const KoreanLexicon&) = delete;

    bool contains(std::string_view word) const;
    std::size_t size() const noexcept;
    /// "hunspell-ko/99600" (source and size) or "none": part of the analyzer fingerprint, since a
    /// different word list gives different stems.
    const std::string& name() const noexcept;
    /// A number no other lexicon of this process has had: lets caches tell lexicons apart even
    /// when one is destroyed and another allocated at the same address.
    std::uint64_t identity() const noexcept;

    struct Impl;
    /// Construction goes through the factories above (the key is private to them).
    class Key {
        friend class KoreanLexicon;
        Key() = default;
    };
    KoreanLexicon(Key, std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace ngosearch::analysis
