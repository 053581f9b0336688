// SPDX-License-Identifier: GPL-2.0-or-later
// Deterministic randomness for the corpus generator: the same seed writes the same bytes on any
// machine and standard library (std:: distributions are not specified bit for bit, so the
// generator uses its own).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace ngosearch::bench {

/// splitmix64: a good 64-bit mix, used to derive independent streams and per-rank hashes.
inline std::uint64_t mix64(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/// xoshiro256** (Blackman and Vigna): fast, small state, plenty for text generation.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) noexcept {
        for (auto& s : s_) s = seed = mix64(seed);
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    /// Uniform in [0, 1).
    double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, n); n > 0.
    std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
    /// Uniform in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(double p) noexcept { return uniform() < p; }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
};

/// Zipf(s) over ranks first..n, P(k) ∝ k^-s, by rejection-inversion (Hörmann and Derflinger,
/// 1996): O(1) per sample whatever n, so the vocabulary can be practically unbounded and
/// distinct words keep appearing as the corpus grows (Heaps' law), at a rate set by the
/// exponent. `first` > 1 gives the tail of the distribution past the first ranks.
class ZipfSampler {
  public:
    ZipfSampler(std::uint64_t n, double exponent, std::uint64_t first = 1)
        : n_(static_cast<double>(n)), first_(static_cast<double>(first)), s_(exponent) {
        h_integral_first_ = h_integral(first_ + 0.5) - h(first_);
        h_integral_n_ = h_integral(n_ + 0.5);
        // The quick acceptance test of the paper holds for distributions starting at rank 1.
        cut_ = first == 1 ? 2.0 - h_integral_inverse(h_integral(2.5) - h(2.0)) : -1.0;
    }

    /// A rank in [first, n]; `first` is the most frequent.
    std::uint64_t operator()(Rng& rng) const noexcept {
        for (;;) {
            const double u = h_integral_n_ + rng.uniform() * (h_integral_first_ - h_integral_n_);
            const double x = h_integral_inverse(u);
            double k = std::floor(x + 0.5);
            if (k < first_) k = first_;
            if (k > n_) k = n_;
            if (k - x <= cut_ || u >= h_integral(k + 0.5) - h(k)) {
                return static_cast<std::uint64_t>(k);
            }
        }
    }

  private:
    double h(double x) const noexcept { return std::exp(-s_ * std::log(x)); }
    double h_integral(double x) const noexcept {
        const double log_x = std::log(x);
        return expm1_over((1.0 - s_) * log_x) * log_x;
    }
    double h_integral_inverse(double x) const noexcept {
        double t = x * (1.0 - s_);
        if (t < -1.0) t = -1.0;
        return std::exp(log1p_over(t) * x);
    }
    static double expm1_over(double x) noexcept {
        return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x / 2.0;
    }
    static double log1p_over(double x) noexcept {
        return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x / 2.0;
    }

    double n_, first_, s_;
    double h_integral_first_ = 0, h_integral_n_ = 0, cut_ = 0;
};

/// An index drawn in proportion to weights given as running sums (non-decreasing, last > 0).
inline std::size_t pick_weighted(Rng& rng, std::span<const double> cumulative) noexcept {
    const double u = rng.uniform() * cumulative.back();
    std::size_t lo = 0, hi = cumulative.size() - 1;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (cumulative[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

}  // namespace ngosearch::bench
