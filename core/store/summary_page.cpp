#include "core/store/summary_page.h"

#include <sqlite3.h>

#include <cstring>
#include <new>

namespace kiln {

namespace {

void put(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}
void putInt(std::string& out, std::int64_t v) { put(out, std::uint64_t(v)); }
void putReal(std::string& out, double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    put(out, bits);
}

std::uint64_t get(const unsigned char*& p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(p[i]) << (8 * i);
    p += 8;
    return v;
}
std::int64_t getInt(const unsigned char*& p) { return std::int64_t(get(p)); }
double getReal(const unsigned char*& p) {
    const std::uint64_t bits = get(p);
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
}

void putPoint(std::string& out, const SummaryPoint& p) {
    putInt(out, p.step);
    putInt(out, p.epoch);
    putReal(out, p.wallTime);
    putReal(out, p.value);
}
SummaryPoint getPoint(const unsigned char*& p) {
    SummaryPoint point;
    point.step = getInt(p);
    point.epoch = getInt(p);
    point.wallTime = getReal(p);
    point.value = getReal(p);
    return point;
}

// ---- kiln_summary_page(slot, points, min_step, min_epoch, min_wall, min_value, max_step, …) ----

// The aggregate's state, in the zero-filled memory SQLite gives it: the page is made on first use.
struct Gathered {
    bool made;
    alignas(SummaryPage) unsigned char storage[sizeof(SummaryPage)];

    SummaryPage& page() {
        if (!made) new (storage) SummaryPage(), made = true;
        return *std::launder(reinterpret_cast<SummaryPage*>(storage));
    }
};

void pageStep(sqlite3_context* context, int, sqlite3_value** argv) {
    auto* gathered = static_cast<Gathered*>(sqlite3_aggregate_context(context, sizeof(Gathered)));
    if (!gathered) return sqlite3_result_error_nomem(context);
    SummaryPage* page = &gathered->page();
    const sqlite3_int64 slot = sqlite3_value_int64(argv[0]);
    if (slot < 0 || slot >= kBucketsPerPage) return sqlite3_result_error(context, "summary slot out of range", -1);
    auto point = [&](int first) {
        return SummaryPoint{sqlite3_value_int64(argv[first]), sqlite3_value_int64(argv[first + 1]),
                            sqlite3_value_double(argv[first + 2]), sqlite3_value_double(argv[first + 3])};
    };
    SummaryBucket bucket;
    bucket.points = sqlite3_value_int64(argv[1]);
    bucket.min = point(2);
    bucket.max = point(6);
    (*page)[std::size_t(slot)].merge(bucket);
}

void pageFinal(sqlite3_context* context) {
    auto* gathered = static_cast<Gathered*>(sqlite3_aggregate_context(context, 0));
    const std::string bytes = encodeSummaryPage(gathered ? gathered->page() : SummaryPage{});
    sqlite3_result_blob(context, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
}

}  // namespace

void SummaryBucket::add(const SummaryPoint& p) {
    if (points == 0 || p.value < min.value) min = p;
    if (points == 0 || p.value > max.value) max = p;
    ++points;
}

void SummaryBucket::merge(const SummaryBucket& other) {
    if (other.points == 0) return;
    if (points == 0) {
        *this = other;
        return;
    }
    if (other.min.value < min.value) min = other.min;
    if (other.max.value > max.value) max = other.max;
    points += other.points;
}

std::string encodeSummaryPage(const SummaryPage& page) {
    std::string out;
    out.reserve(kSummaryPageBytes);
    for (const auto& bucket : page) {
        putInt(out, bucket.points);
        putPoint(out, bucket.min);
        putPoint(out, bucket.max);
    }
    return out;
}

bool decodeSummaryPage(const void* bytes, std::size_t size, SummaryPage& page) {
    page = {};
    if (size != kSummaryPageBytes || !bytes) return false;
    const auto* p = static_cast<const unsigned char*>(bytes);
    for (auto& bucket : page) {
        bucket.points = getInt(p);
        bucket.min = getPoint(p);
        bucket.max = getPoint(p);
    }
    return true;
}

int registerSummaryPageFunction(sqlite3* db) {
    return sqlite3_create_function_v2(db, "kiln_summary_page", 10, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                      nullptr, pageStep, pageFinal, nullptr);
}

}  // namespace kiln
