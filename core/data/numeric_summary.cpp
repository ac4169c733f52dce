#include "core/data/numeric_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/base/parallel.h"
#include "core/data/distinct_counter.h"

namespace kiln {

namespace {

constexpr int kFineBuckets = 1 << 16;
constexpr std::uint64_t kSumBlock = 2048;

// A value the statistics describe: finite and not masked (NaN is missing, ±inf counted apart).
inline bool present(const double* v, const std::uint8_t* mask, std::uint64_t i) {
    return std::isfinite(v[i]) && !(mask && mask[i]);
}

// Maps a value to one of kFineBuckets equal buckets over [min, max] (values outside land in the
// first or last bucket); the same formula is used when counting and when gathering, so a value
// always lands in the same bucket. Only the order matters: a range that overflows a double is
// measured in halves, and a denormal range (scale inf) puts min in the first bucket, the rest in
// the last, which is still in order.
struct FineBuckets {
    double min = 0, scale = 0;
    bool halved = false;
    int of(double x) const {
        double b = halved ? (x * 0.5 - min * 0.5) * scale : (x - min) * scale;
        return !(b >= 1.0) ? 0 : (b >= double(kFineBuckets - 1) ? kFineBuckets - 1 : int(b));
    }
    double edge(int bucket) const { return min + (halved ? 2.0 : 1.0) * (double(bucket) / scale); }
};

// Per-slice results of the first pass: counts, extremes, a blocked sum, moments about `shift`,
// fine bucket counts (when asked) and the distinct sketch.
struct FirstPass {
    std::uint64_t count = 0, positiveInfinite = 0, negativeInfinite = 0;
    double sum = 0, shiftedSum = 0, shiftedSquares = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::vector<std::uint64_t> fine;
    DistinctCounter distinct;
};

struct FirstPassPlan {
    double shift = 0;
    bool sketch = false;
    bool bucket = false;
    FineBuckets buckets;
};

void firstPass(const double* v, const std::uint8_t* mask, std::uint64_t begin, std::uint64_t end,
               const FirstPassPlan& plan, FirstPass& out) {
    if (plan.bucket) out.fine.assign(kFineBuckets, 0);
    for (std::uint64_t block = begin; block < end; block += kSumBlock) {
        double blockSum = 0, blockShifted = 0, blockSquares = 0;
        std::uint64_t stop = std::min(end, block + kSumBlock);
        for (std::uint64_t i = block; i < stop; ++i) {
            if (!present(v, mask, i)) {
                if (std::isinf(v[i]) && !(mask && mask[i])) ++(v[i] > 0 ? out.positiveInfinite : out.negativeInfinite);
                continue;
            }
            double x = v[i], d = x - plan.shift;
            ++out.count;
            blockSum += x, blockShifted += d, blockSquares += d * d;
            out.min = x < out.min ? x : out.min;
            out.max = x > out.max ? x : out.max;
            if (plan.bucket) ++out.fine[std::size_t(plan.buckets.of(x))];
            if (plan.sketch) out.distinct.addDouble(x);
        }
        out.sum += blockSum, out.shiftedSum += blockShifted, out.shiftedSquares += blockSquares;
    }
}

// A strided sample of at most kSampleSize present values: their range and mean, to place the
// fine buckets and the variance shift before the one full first pass.
struct SampleRange {
    bool found = false;
    double min = 0, max = 0, mean = 0;
};

constexpr std::uint64_t kSampleSize = 1 << 16;

SampleRange sampleRange(const double* v, const std::uint8_t* mask, std::uint64_t n) {
    SampleRange r;
    std::uint64_t stride = std::max<std::uint64_t>(1, n / kSampleSize), count = 0;
    double sum = 0;
    for (std::uint64_t i = 0; i < n; i += stride) {
        if (!present(v, mask, i)) continue;
        r.min = count ? std::min(r.min, v[i]) : v[i];
        r.max = count ? std::max(r.max, v[i]) : v[i];
        sum += v[i], ++count;
    }
    r.found = count > 0;
    r.mean = count && std::isfinite(sum) ? sum / double(count) : 0;  // only a shift: any finite value does
    return r;
}

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
    if (std::isinf(diff)) return a * (1.0 - t) + b * t;  // -1e308 and 1e308: numpy says -inf
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
    if (fb.scale == 0 || !std::isfinite(fb.scale)) return f;
    for (int k : {4, 5, 8, 9})  // the edge buckets also hold everything beyond the bucket range
        if (rb.bucketOfRank[std::size_t(k)] == 0 || rb.bucketOfRank[std::size_t(k)] == kFineBuckets - 1) return f;
    double lo1 = fb.edge(rb.bucketOfRank[4] - 1), hi1 = fb.edge(rb.bucketOfRank[5] + 2);
    double lo3 = fb.edge(rb.bucketOfRank[8] - 1), hi3 = fb.edge(rb.bucketOfRank[9] + 2);
    double iqrLo = std::max(0.0, lo3 - hi1), iqrHi = hi3 - lo1;
    f.lowA = lo1 - 1.5 * iqrHi, f.lowB = hi1 - 1.5 * iqrLo;
    f.highA = lo3 + 1.5 * iqrLo, f.highB = hi3 + 1.5 * iqrHi;
    // Bands that overflow decide nothing: the exact pass counts the outliers instead.
    f.active = std::isfinite(f.lowA) && std::isfinite(f.lowB) && std::isfinite(f.highA) && std::isfinite(f.highB);
    return f;
}

// One pass that gathers the values of the wanted buckets (sorted afterwards), tallies the fence
// bands and, when given, fills per-thread histograms. Returns the values at `ranks`.
std::vector<double> valuesAtRanks(const double* v, const std::uint8_t* mask, std::uint64_t n,
                                  const RankBuckets& rb, const FineBuckets& fb,
                                  const std::vector<std::uint64_t>& ranks, const FenceBands& bands,
                                  FenceTally& tally, int threads, std::vector<Histogram>* histograms) {
    using Buckets = std::vector<std::vector<double>>;
    std::vector<Buckets> gathered(static_cast<std::size_t>(threads), Buckets(kFineBuckets));
    std::vector<FenceTally> tallies(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& mine = gathered[std::size_t(part)];
        FenceTally& t = tallies[std::size_t(part)];
        Histogram* h = histograms ? &(*histograms)[std::size_t(part)] : nullptr;
        for (std::uint64_t i = begin; i < end; ++i) {
            if (!present(v, mask, i)) continue;
            double x = v[i];
            int b = fb.of(x);
            if (rb.wanted[std::size_t(b)]) mine[std::size_t(b)].push_back(x);
            if (h) h->add(x);
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

// The quantile positions numpy uses for kProfileQuantiles among `count` sorted values, and the
// sorted ranks they read (two per quantile, ascending).
struct QuantilePlan {
    std::vector<QuantilePosition> positions;
    std::vector<std::uint64_t> ranks;
};

QuantilePlan planQuantiles(std::uint64_t count) {
    QuantilePlan plan;
    for (double q : kProfileQuantiles) {
        plan.positions.push_back(quantilePosition(count, q));
        plan.ranks.push_back(plan.positions.back().lower);
        plan.ranks.push_back(plan.positions.back().upper);
    }
    return plan;
}

void setQuantiles(NumericSummary& s, const QuantilePlan& plan, const std::vector<double>& atRanks) {
    s.quantiles.clear();
    for (std::size_t k = 0; k < plan.positions.size(); ++k)
        s.quantiles.push_back(lerp(atRanks[2 * k], atRanks[2 * k + 1], plan.positions[k].gamma));
}

// The display histogram's empty bins: `bins` given, one per value for a small whole-number range,
// or numpy's 'auto' (which needs the IQR, so it is decided after the quantiles).
Histogram displayBins(const NumericSummary& s, const NumericSummaryOptions& options) {
    if (options.bins > 0) return makeHistogram(s.min, s.max, std::min(options.bins, 10000));
    if (options.integral && s.max - s.min < kIntegerBinLimit)
        return makeHistogram(s.min - 0.5, s.max + 0.5, int(s.max - s.min) + 1);
    double iqr = s.quantiles[4] - s.quantiles[2];
    return makeHistogram(s.min, s.max, std::min(autoBinCount(s.count, s.min, s.max, iqr), 10000));
}

bool binsKnownEarly(const NumericSummaryOptions& options) { return options.bins > 0; }

constexpr double kCountingSpan = double(1 << 20);

// Whole numbers in a small range: one counting pass gives the quantiles, the outliers, the
// histogram and the distinct count, all exactly.
void summariseByCounting(const double* v, const std::uint8_t* mask, std::uint64_t n,
                         const NumericSummaryOptions& options, int threads, NumericSummary& s) {
    const std::size_t span = std::size_t(s.max - s.min) + 1;
    std::vector<std::vector<std::uint32_t>> parts(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& counts = parts[std::size_t(part)];
        counts.assign(span, 0);
        for (std::uint64_t i = begin; i < end; ++i)
            if (present(v, mask, i)) ++counts[std::size_t(v[i] - s.min)];
    });
    std::vector<std::uint64_t> counts(span, 0);
    for (auto& part : parts)
        for (std::size_t k = 0; k < span; ++k) counts[k] += part[k];
    QuantilePlan plan = planQuantiles(s.count);
    std::vector<std::uint64_t> upTo(span);  // values at or below each value
    std::partial_sum(counts.begin(), counts.end(), upTo.begin());
    std::vector<double> atRanks;
    for (auto rank : plan.ranks) {  // the value whose run of sorted positions holds `rank`
        auto at = std::upper_bound(upTo.begin(), upTo.end(), rank) - upTo.begin();
        atRanks.push_back(s.min + double(at));
    }
    setQuantiles(s, plan, atRanks);
    double q1 = s.quantiles[2], q3 = s.quantiles[4], iqr = q3 - q1;
    s.histogram = displayBins(s, options);
    for (std::size_t k = 0; k < span; ++k) {
        if (!counts[k]) continue;
        double x = s.min + double(k);
        s.histogram.add(x, counts[k]);
        s.outliersLow += x < q1 - 1.5 * iqr ? counts[k] : 0;
        s.outliersHigh += x > q3 + 1.5 * iqr ? counts[k] : 0;
        ++s.distinct;
    }
}

// Floats (or whole numbers over a wide range): the fine buckets counted in the first pass locate
// the quantiles' ranks; one gathering pass reads them (and the fences); 'auto' bins or unbounded
// fences take one more pass.
void summariseByBuckets(const double* v, const std::uint8_t* mask, std::uint64_t n,
                        const NumericSummaryOptions& options, int threads,
                        std::vector<std::uint64_t> fine, const FineBuckets& fb, NumericSummary& s) {
    QuantilePlan plan = planQuantiles(s.count);
    RankBuckets rb = locateRanks(fine, plan.ranks);
    FenceBands bands = fenceBands(rb, fb);
    FenceTally tally;
    const bool early = binsKnownEarly(options);
    Histogram empty = early ? displayBins(s, options) : Histogram{};
    std::vector<Histogram> parts(static_cast<std::size_t>(threads), empty);
    auto atRanks = valuesAtRanks(v, mask, n, rb, fb, plan.ranks, bands, tally, threads,
                                 early ? &parts : nullptr);
    setQuantiles(s, plan, atRanks);
    double q1 = s.quantiles[2], q3 = s.quantiles[4], iqr = q3 - q1;
    double lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
    s.outliersLow = tally.below, s.outliersHigh = tally.above;
    for (double x : tally.lowBand) s.outliersLow += x < lowFence;
    for (double x : tally.highBand) s.outliersHigh += x > highFence;
    if (!early) empty = displayBins(s, options), std::fill(parts.begin(), parts.end(), empty);
    if (!early || !bands.active) {
        std::vector<std::uint64_t> low(static_cast<std::size_t>(threads)), high(low);
        parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
            auto& h = parts[std::size_t(part)];
            for (std::uint64_t i = begin; i < end; ++i) {
                if (!present(v, mask, i)) continue;
                if (!early) h.add(v[i]);
                low[std::size_t(part)] += v[i] < lowFence;
                high[std::size_t(part)] += v[i] > highFence;
            }
        });
        if (!bands.active) {
            s.outliersLow = s.outliersHigh = 0;
            for (int t = 0; t < threads; ++t) s.outliersLow += low[std::size_t(t)], s.outliersHigh += high[std::size_t(t)];
        }
    }
    s.histogram = empty;
    for (auto& part : parts) s.histogram.merge(part);
}

// Fine bucket counts over the exact [min, max], for when the first pass did not count them.
std::vector<std::uint64_t> countFineBuckets(const double* v, const std::uint8_t* mask, std::uint64_t n,
                                            const FineBuckets& fb, int threads) {
    std::vector<std::vector<std::uint64_t>> parts(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t begin, std::uint64_t end) {
        auto& counts = parts[std::size_t(part)];
        counts.assign(kFineBuckets, 0);
        for (std::uint64_t i = begin; i < end; ++i)
            if (present(v, mask, i)) ++counts[std::size_t(fb.of(v[i]))];
    });
    for (std::size_t t = 1; t < parts.size(); ++t)
        for (int b = 0; b < kFineBuckets; ++b) parts[0][std::size_t(b)] += parts[t][std::size_t(b)];
    return parts[0];
}

FineBuckets bucketsOver(double min, double max) {
    FineBuckets fb{min, 0.0, false};
    if (!(max > min)) return fb;
    double range = max - min;
    if (std::isinf(range)) fb.halved = true, range = max * 0.5 - min * 0.5;
    fb.scale = double(kFineBuckets) / range;
    return fb;
}

// Mean and sample std where the plain sums overflow (values near ±1e308): the same two sums
// over values scaled by a power of two, which is exact, then scaled back.
void scaledMoments(const double* v, const std::uint8_t* mask, std::uint64_t n, NumericSummary& s) {
    constexpr double kDown = 0x1p-600, kUp = 0x1p600;
    double sum = 0, squares = 0;
    for (std::uint64_t i = 0; i < n; ++i)
        if (present(v, mask, i)) sum += v[i] * kDown;
    const double mean = sum / double(s.count);
    for (std::uint64_t i = 0; i < n; ++i)
        if (present(v, mask, i)) squares += (v[i] * kDown - mean) * (v[i] * kDown - mean);
    s.mean = mean * kUp;
    s.std = s.count > 1 ? std::sqrt(squares / double(s.count - 1)) * kUp : std::numeric_limits<double>::quiet_NaN();
}

// Adds up the slices' first passes: counts, extremes, mean and std (redone on scaled values where
// the sums overflow), the fine bucket counts and the distinct sketch.
void mergeFirstPasses(const std::vector<FirstPass>& first, const double* v, const std::uint8_t* mask,
                      std::uint64_t n, NumericSummary& s, DistinctCounter& distinct,
                      std::vector<std::uint64_t>& fine) {
    double sum = 0, shifted = 0, squares = 0;
    s.min = std::numeric_limits<double>::infinity();
    s.max = -s.min;
    for (const auto& f : first) {
        s.count += f.count, sum += f.sum, shifted += f.shiftedSum, squares += f.shiftedSquares;
        s.positiveInfinite += f.positiveInfinite, s.negativeInfinite += f.negativeInfinite;
        s.min = std::min(s.min, f.min), s.max = std::max(s.max, f.max);
        distinct.merge(f.distinct);
        for (std::size_t b = 0; b < f.fine.size(); ++b) fine[b] += f.fine[b];
    }
    s.missing = n - s.count - s.infinite();
    if (s.count == 0) return;
    s.mean = sum / double(s.count);
    double centred = std::max(0.0, squares - shifted * shifted / double(s.count));
    s.std = s.count > 1 ? std::sqrt(centred / double(s.count - 1)) : std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(sum) || !std::isfinite(squares)) scaledMoments(v, mask, n, s);
}

// A short column: one sort gives the quantiles, the outliers, the histogram and the distinct
// count exactly, without the fine buckets' fixed cost (which dominates a wide table of few rows).
void summariseBySorting(const double* v, const std::uint8_t* mask, std::uint64_t n,
                        const NumericSummaryOptions& options, NumericSummary& s) {
    std::vector<double> sorted;
    sorted.reserve(std::size_t(s.count));
    for (std::uint64_t i = 0; i < n; ++i)
        if (present(v, mask, i)) sorted.push_back(v[i]);
    std::sort(sorted.begin(), sorted.end());
    QuantilePlan plan = planQuantiles(s.count);
    std::vector<double> atRanks;
    for (auto rank : plan.ranks) atRanks.push_back(sorted[std::size_t(rank)]);
    setQuantiles(s, plan, atRanks);
    double q1 = s.quantiles[2], q3 = s.quantiles[4], iqr = q3 - q1;
    double lowFence = q1 - 1.5 * iqr, highFence = q3 + 1.5 * iqr;
    s.histogram = displayBins(s, options);
    for (double x : sorted) {
        s.histogram.add(x);
        s.outliersLow += x < lowFence, s.outliersHigh += x > highFence;
    }
    if (options.distinct)  // == treats -0 and 0 as one value, as exactDistinct does
        s.distinct = std::uint64_t(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
}

}  // namespace

double quantileOfSorted(const double* sorted, std::uint64_t n, double q) {
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    auto p = quantilePosition(n, q);
    return lerp(sorted[p.lower], sorted[p.upper], p.gamma);
}

NumericSummary summariseNumeric(const double* v, std::uint64_t n, const std::uint8_t* mask,
                                const NumericSummaryOptions& options, JobContext* job) {
    NumericSummary s;
    const bool sorting = n <= kSortedColumnLimit;
    const int threads = sorting ? 1 : (options.threads > 0 ? options.threads : defaultThreadCount());
    // A sample places the fine buckets and the variance shift, so one first pass does both.
    SampleRange sample = sampleRange(v, mask, n);
    FirstPassPlan plan;
    plan.shift = sample.mean;
    plan.sketch = options.distinct && n > kExactDistinctLimit && !options.integral;
    plan.bucket = !sorting && !(options.integral && sample.max - sample.min < kCountingSpan / 2);
    plan.buckets = bucketsOver(sample.min, sample.max);
    std::vector<FirstPass> first(static_cast<std::size_t>(threads));
    parallelSlices(n, threads, [&](int part, std::uint64_t b, std::uint64_t e) {
        firstPass(v, mask, b, e, plan, first[std::size_t(part)]);
    });
    DistinctCounter distinct;
    std::vector<std::uint64_t> fine(plan.bucket ? kFineBuckets : 0, 0);
    mergeFirstPasses(first, v, mask, n, s, distinct, fine);
    // +inf and -inf are one distinct value each.
    const std::uint64_t infiniteKinds = options.distinct ? (s.positiveInfinite > 0) + (s.negativeInfinite > 0) : 0;
    if (s.count == 0 || (job && job->cancelled())) {
        s.min = s.max = s.mean = s.std = std::numeric_limits<double>::quiet_NaN();
        s.distinct = infiniteKinds;
        return s;
    }
    if (sorting || (options.integral && s.max - s.min < kCountingSpan)) {
        if (sorting) summariseBySorting(v, mask, n, options, s);
        else summariseByCounting(v, mask, n, options, threads, s);
        s.distinct += infiniteKinds;
        return s;
    }
    FineBuckets fb = plan.buckets;
    if (!plan.bucket || !sample.found) {
        fb = bucketsOver(s.min, s.max);
        fine = countFineBuckets(v, mask, n, fb, threads);
    }
    if (job && job->cancelled()) return s;
    summariseByBuckets(v, mask, n, options, threads, std::move(fine), fb, s);
    if (options.distinct && options.integral && s.max - s.min < kBitmapSpan) {
        s.distinct = bitmapDistinct(v, mask, n, s.min, s.max, threads);
    } else if (options.distinct) {
        s.distinctIsEstimate = plan.sketch && s.count > kExactDistinctLimit;
        s.distinct = s.distinctIsEstimate ? distinct.estimate() : exactDistinct(v, mask, n);
    }
    s.distinct += infiniteKinds;
    return s;
}

}  // namespace kiln
