#include "core/data/numeric_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/parallel.h"
#include "core/data/distinct_counter.h"

namespace kiln {

namespace {

constexpr int kFineBuckets = 1 << 16;
constexpr std::uint64_t kSumBlock = 2048;

inline bool present(const double* v, const std::uint8_t* mask, std::uint64_t i) {
    return !std::isnan(v[i]) && !(mask && mask[i]);
}

// Per-slice results of the first pass: counts, extremes, a blocked sum, distinct sketch.
struct FirstPass {
    std::uint64_t count = 0;
    double sum = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    DistinctCounter distinct;
};

void firstPass(const double* v, const std::uint8_t* mask, std::uint64_t begin, std::uint64_t end,
               bool sketch, FirstPass& out) {
    for (std::uint64_t block = begin; block < end; block += kSumBlock) {
        double blockSum = 0;
        std::uint64_t stop = std::min(end, block + kSumBlock);
        for (std::uint64_t i = block; i < stop; ++i) {
            if (!present(v, mask, i)) continue;
            double x = v[i];
            ++out.count;
            blockSum += x;
            out.min = x < out.min ? x : out.min;
            out.max = x > out.max ? x : out.max;
            if (sketch) out.distinct.addDouble(x);
        }
        out.sum += blockSum;
    }
}

// Maps a value to one of kFineBuckets equal buckets over [min, max]; the same formula is used when
// counting and when gathering, so a value always lands in the same bucket.
struct FineBuckets {
    double min, scale;
    int of(double x) const {
        int b = int((x - min) * scale);
        return b < 0 ? 0 : (b >= kFineBuckets ? kFineBuckets - 1 : b);
    }
};

// numpy's virtual index for method 'linear' and its lerp, written the way numpy computes them.
struct QuantilePosition {
    std::uint64_t lower, upper;
    double gamma;
};

QuantilePosition quantilePosition(std::uint64_t n, double q) {
    double index = double(n - 1) * q;  // numpy's 'linear': (n - 1) * q
    double lower = std::floor(index);
    QuantilePosition p;
    p.lower = std::uint64_t(std::clamp(lower, 0.0, double(n - 1)));
    p.upper = std::uint64_t(std::clamp(lower + 1.0, 0.0, double(n - 1)));
    p.gamma = index - lower;
    return p;
}

double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// Where the IQR outlier fences can lie, known before the quartiles are: values below lowA (above
// highB) are outliers for sure, those in [lowA, lowB] ([highA, highB]) are kept and decided once
// the exact quartiles are known.
struct FenceBands {
    bool active = false;
    double lowA = 0, lowB = 0, highA = 0, highB = 0;
};

struct FenceTally {
    std::uint64_t below = 0, above = 0;
    std::vector<double> lowBand, highBand;
};

// The fine-bucket ranks and buckets of the wanted sorted positions.
struct RankBuckets {
    std::vector<std::uint64_t> start;  // first rank of each bucket
    std::vector<int> bucketOfRank;
    std::vector<char> wanted;
};

RankBuckets locateRanks(const std::vector<std::uint64_t>& counts, const std::vector<std::uint64_t>& ranks) {
    RankBuckets rb;
    rb.start.assign(kFineBuckets + 1, 0);
    for (int b = 0; b < kFineBuckets; ++b) rb.start[b + 1] = rb.start[b] + counts[b];
    rb.wanted.assign(kFineBuckets, 0);
    for (auto r : ranks) {
        int b = int(std::upper_bound(rb.start.begin(), rb.start.end(), r) - rb.start.begin()) - 1;
        rb.bucketOfRank.push_back(b);
        rb.wanted[std::size_t(b)] = 1;
    }
    return rb;
}

// Bounds the fences from the buckets holding the quartiles' ranks (indices into the rank list:
// q1 at 4 and 5, q3 at 8 and 9), with a bucket of margin for rounding.
FenceBands fenceBands(const RankBuckets& rb, const FineBuckets& fb) {
    FenceBands f;
    if (fb.scale == 0) return f;
    auto edge = [&](int bucket) { return fb.min + double(bucket) / fb.scale; };
    double lo1 = edge(rb.bucketOfRank[4] - 1), hi1 = edge(rb.bucketOfRank[5] + 2);
    double lo3 = edge(rb.bucketOfRank[8] - 1), hi3 = edge(rb.bucketOfRank[9] + 2);
    double iqrLo = std::max(0.0, lo3 - hi1), iqrHi = hi3 - lo1;
    f.active = true;
    f.lowA = lo1 - 1.5 * iqrHi, f.lowB = hi1 - 1.5 * iqrLo;
    f.highA = lo3 + 1.5 * iqrLo, f.highB = hi3 + 1.5 * iqrHi;
    return f;
}

// One pass that gathers the values of the wanted buckets (sorted afterwards) and tallies the
// fence bands. Returns the values at `ranks`.
std::vector<double> valuesAtRanks(const double* v, const std::uint8_t* mask, std::uint64_t n,
                                  const RankBuckets& rb, const FineBuckets& fb,
                                  const std::vector<std::uint64_t>& ranks, const FenceBands& bands,
                                  FenceTally& tally, int threads) {
    using Buckets = std::vector<std::vector<double>>;
    std::vector<Buckets> gathered(static_cast<std::size_t>(threads), Buckets(kFineBuckets));
    std::vector<FenceTally> tallies(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& mine = gathered[std::size_t(part)];
        FenceTally& t = tallies[std::size_t(part)];
        for (std::uint64_t i = begin; i < end; ++i) {
            if (!present(v, mask, i)) continue;
            double x = v[i];
            int b = fb.of(x);
            if (rb.wanted[std::size_t(b)]) mine[std::size_t(b)].push_back(x);
            if (!bands.active) continue;
            if (x < bands.lowA) ++t.below;
            else if (x <= bands.lowB) t.lowBand.push_back(x);
            if (x > bands.highB) ++t.above;
            else if (x >= bands.highA) t.highBand.push_back(x);
        }
    });
    for (auto& t : tallies) {
        tally.below += t.below, tally.above += t.above;
        tally.lowBand.insert(tally.lowBand.end(), t.lowBand.begin(), t.lowBand.end());
        tally.highBand.insert(tally.highBand.end(), t.highBand.begin(), t.highBand.end());
    }
    std::vector<double> out;
    Buckets merged(kFineBuckets);
    for (std::size_t k = 0; k < ranks.size(); ++k) {
        const std::size_t b = std::size_t(rb.bucketOfRank[k]);
        auto& bucket = merged[b];
        if (bucket.empty()) {
            for (auto& part : gathered) bucket.insert(bucket.end(), part[b].begin(), part[b].end());
            std::sort(bucket.begin(), bucket.end());
        }
        out.push_back(bucket[ranks[k] - rb.start[b]]);
    }
    return out;
}

std::uint64_t exactDistinct(const double* v, const std::uint8_t* mask, std::uint64_t n) {
    std::vector<double> copy;
    for (std::uint64_t i = 0; i < n; ++i)
        if (present(v, mask, i)) copy.push_back(v[i] == 0 ? 0.0 : v[i]);
    std::sort(copy.begin(), copy.end());
    return std::uint64_t(std::unique(copy.begin(), copy.end()) - copy.begin());
}

// Distinct whole numbers in [min, max] with a bitmap (one per thread, OR-ed together).
std::uint64_t bitmapDistinct(const double* v, const std::uint8_t* mask, std::uint64_t n, double min,
                             double max, int threads) {
    const std::uint64_t span = std::uint64_t(max - min) + 1, words = (span + 63) / 64;
    std::vector<std::vector<std::uint64_t>> bits(static_cast<std::size_t>(threads), std::vector<std::uint64_t>(words, 0));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& mine = bits[std::size_t(part)];
        for (std::uint64_t i = begin; i < end; ++i) {
            if (!present(v, mask, i)) continue;
            auto k = std::uint64_t(v[i] - min);
            mine[k >> 6] |= 1ULL << (k & 63);
        }
    });
    std::uint64_t count = 0;
    for (std::uint64_t w = 0; w < words; ++w) {
        std::uint64_t word = 0;
        for (auto& part : bits) word |= part[w];
        count += std::uint64_t(__builtin_popcountll(word));
    }
    return count;
}

constexpr double kBitmapSpan = double(1 << 26);

}  // namespace

double quantileOfSorted(const double* sorted, std::uint64_t n, double q) {
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    auto p = quantilePosition(n, q);
    return lerp(sorted[p.lower], sorted[p.upper], p.gamma);
}

NumericSummary summariseNumeric(const double* v, std::uint64_t n, const std::uint8_t* mask,
                                const NumericSummaryOptions& options, JobContext* job) {
    NumericSummary s;
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    const bool sketch = options.distinct && n > kExactDistinctLimit && !options.integral;
    std::vector<FirstPass> first(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t b, std::uint64_t e) {
        firstPass(v, mask, b, e, sketch, first[std::size_t(part)]);
    });
    double sum = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -s.min;
    DistinctCounter distinct;
    for (auto& f : first) {
        s.count += f.count, sum += f.sum;
        s.min = std::min(s.min, f.min), s.max = std::max(s.max, f.max);
        distinct.merge(f.distinct);
    }
    s.missing = n - s.count;
    if (s.count == 0 || (job && job->cancelled())) {
        s.min = s.max = s.mean = s.std = std::numeric_limits<double>::quiet_NaN();
        return s;
    }
    s.mean = sum / double(s.count);

    // Second pass: squared deviations, the fine bucket counts for the quantiles and, when the
    // bin count is given, the display histogram.
    const bool perValueBins = options.bins <= 0 && options.integral && s.max - s.min < kIntegerBinLimit;
    const bool binsKnown = options.bins > 0 || perValueBins;
    Histogram empty = perValueBins ? makeHistogram(s.min - 0.5, s.max + 0.5, int(s.max - s.min) + 1)
                                   : makeHistogram(s.min, s.max, std::min(binsKnown ? options.bins : 1, 10000));
    std::vector<Histogram> parts(static_cast<std::size_t>(threads), empty);
    FineBuckets fb{s.min, s.max > s.min ? double(kFineBuckets) / (s.max - s.min) : 0.0};
    std::vector<double> squares(static_cast<std::size_t>(threads), 0.0);
    std::vector<std::vector<std::uint64_t>> fine(static_cast<std::size_t>(threads),
                                                 std::vector<std::uint64_t>(kFineBuckets, 0));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& counts = fine[std::size_t(part)];
        auto& h = parts[std::size_t(part)];
        double total = 0;
        for (std::uint64_t block = begin; block < end; block += kSumBlock) {
            double blockTotal = 0;
            for (std::uint64_t i = block, stop = std::min(end, block + kSumBlock); i < stop; ++i) {
                if (!present(v, mask, i)) continue;
                double d = v[i] - s.mean;
                blockTotal += d * d;
                ++counts[std::size_t(fb.of(v[i]))];
                if (binsKnown) h.add(v[i]);
            }
            total += blockTotal;
        }
        squares[std::size_t(part)] = total;
    });
    double ss = 0;
    for (double part : squares) ss += part;
    s.std = s.count > 1 ? std::sqrt(ss / double(s.count - 1)) : std::numeric_limits<double>::quiet_NaN();
    for (int t = 1; t < threads; ++t)
        for (int b = 0; b < kFineBuckets; ++b) fine[0][std::size_t(b)] += fine[std::size_t(t)][std::size_t(b)];
    if (job && job->cancelled()) return s;

    std::vector<std::uint64_t> ranks;
    std::vector<QuantilePosition> positions;
    for (double q : kProfileQuantiles) {
        positions.push_back(quantilePosition(s.count, q));
        ranks.push_back(positions.back().lower);
        ranks.push_back(positions.back().upper);
    }
    RankBuckets rb = locateRanks(fine[0], ranks);
    FenceBands bands = fenceBands(rb, fb);
    FenceTally tally;
    auto atRanks = valuesAtRanks(v, mask, n, rb, fb, ranks, bands, tally, threads);
    for (std::size_t k = 0; k < positions.size(); ++k)
        s.quantiles.push_back(lerp(atRanks[2 * k], atRanks[2 * k + 1], positions[k].gamma));

    double q1 = s.quantiles[2], q3 = s.quantiles[4], iqr = q3 - q1;
    double lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
    s.outliersLow = tally.below, s.outliersHigh = tally.above;
    for (double x : tally.lowBand) s.outliersLow += x < lowFence;
    for (double x : tally.highBand) s.outliersHigh += x > highFence;

    // With numpy's 'auto' bins (which need the IQR) the histogram takes one more pass.
    if (!binsKnown) {
        empty = makeHistogram(s.min, s.max, std::min(autoBinCount(s.count, s.min, s.max, iqr), 10000));
        std::fill(parts.begin(), parts.end(), empty);
        parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
            auto& h = parts[std::size_t(part)];
            for (std::uint64_t i = begin; i < end; ++i)
                if (present(v, mask, i)) h.add(v[i]);
        });
    }
    s.histogram = empty;
    for (auto& part : parts) s.histogram.merge(part);
    if (options.distinct && options.integral && s.max - s.min < kBitmapSpan) {
        s.distinct = bitmapDistinct(v, mask, n, s.min, s.max, threads);
    } else if (options.distinct) {
        s.distinctIsEstimate = sketch && s.count > kExactDistinctLimit;
        s.distinct = s.distinctIsEstimate ? distinct.estimate() : exactDistinct(v, mask, n);
    }
    return s;
}

}  // namespace kiln
