#include "core/data/table_writer.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/data/npy.h"
#include "core/store/object_store.h"

namespace kiln {

namespace {

// Creates an unnamed temporary file in `dir` (O_TMPFILE when the file system has it: `linkable`).
Result<int> createTemporary(const std::filesystem::path& dir, bool& linkable) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    linkable = fd >= 0;
    if (fd < 0 && errno != EMFILE && errno != ENFILE) {  // no O_TMPFILE: create, unlink at once
        std::string pattern = (dir / "spill-XXXXXX").string();
        fd = ::mkstemp(pattern.data());
        if (fd >= 0) ::unlink(pattern.c_str());
    }
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         std::string("cannot create a temporary file: ") + std::strerror(errno),
                         dir.string());
    return fd;
}

Status writeAll(int fd, const char* p, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            return makeError(ErrorCode::Io,
                             std::string("cannot write a temporary file: ") + std::strerror(errno));
        p += n, size -= std::size_t(n);
    }
    return {};
}

// One unnamed temporary file that the arrays of many columns append their pieces to, for
// tables too wide to give every array a file of its own (the open-file limit).
struct SharedSpill {
    int fd = -1;
    std::uint64_t end = 0;
    ~SharedSpill() {
        if (fd >= 0) ::close(fd);
    }
    Status open(const std::filesystem::path& dir) {
        bool linkable = false;
        auto created = createTemporary(dir, linkable);
        if (!created) return created.error();
        fd = *created;
        return {};
    }
};

// Where one array is spilled before it is stored: a temporary file of its own, or pieces in a
// SharedSpill. An own file starts with room for the array's .npy header, so that, when the
// header fits that room exactly (every 1-D array Kiln writes), the file becomes the object
// itself: no second copy of the data. A shared array is copied into its object at the end.
class SpillFile {
public:
    static constexpr std::size_t kHeaderRoom = 128;

    ~SpillFile() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Status open(const std::filesystem::path& dir) {
        auto created = createTemporary(dir, m_linkable);
        if (!created) return created.error();
        m_fd = *created;
        if (::lseek(m_fd, off_t(kHeaderRoom), SEEK_SET) < 0)
            return makeError(ErrorCode::Io, std::string("cannot seek a temporary file: ") +
                                                std::strerror(errno));
        return {};
    }
    // Spills into `shared` instead, in pieces of about `pieceBytes` kept in memory till full.
    void share(SharedSpill& shared, std::size_t pieceBytes) {
        m_shared = &shared;
        m_pieceBytes = pieceBytes;
    }
    Status write(const void* data, std::size_t size) {
        auto p = static_cast<const char*>(data);
        m_size += size;
        if (m_shared) return writeShared(p, size);
        if (auto s = writeAll(m_fd, p, size); !s) return s;
        startWriteback();
        return {};
    }
    template <class T>
    Status write(const std::vector<T>& v) {
        return write(v.data(), v.size() * sizeof(T));
    }
    Status writeZeros(std::uint64_t count) {
        std::vector<char> zeros(std::size_t(std::min<std::uint64_t>(count, 1 << 20)), 0);
        for (std::uint64_t left = count; left > 0;) {
            std::size_t n = std::size_t(std::min<std::uint64_t>(left, zeros.size()));
            if (auto s = write(zeros.data(), n); !s) return s;
            left -= n;
        }
        return {};
    }
    // Stores the spilled bytes after a .npy header as a new object; returns its hash.
    Result<std::string> store(const ObjectStore& objects, const std::string& descr,
                              std::uint64_t count, ImportRecord* record) const {
        std::string header = npyHeader(descr, count);
        if (!m_shared && m_linkable && header.size() == kHeaderRoom &&
            ::pwrite(m_fd, header.data(), header.size(), 0) == ssize_t(header.size())) {
            auto hash = objects.adoptTemporary(m_fd, record);
            if (hash || hash.error().code != ErrorCode::Unsupported) return hash;
        }
        return copy(objects, header, record);
    }
    std::uint64_t size() const { return m_size; }

private:
    struct Piece {
        std::uint64_t offset, size;
    };

    Status writeShared(const char* p, std::size_t size) {
        m_buffer.insert(m_buffer.end(), p, p + size);
        if (m_buffer.size() < m_pieceBytes) return {};
        if (auto s = writeAll(m_shared->fd, m_buffer.data(), m_buffer.size()); !s) return s;
        m_pieces.push_back({m_shared->end, m_buffer.size()});
        m_shared->end += m_buffer.size();
        m_buffer.clear();
        return {};
    }

    // Starts writing full 32 MiB stretches to disk in the background while parsing goes on, so
    // that the fsync when the file becomes an object has little left to wait for.
    void startWriteback() {
        constexpr std::uint64_t kStretch = std::uint64_t(32) << 20;
        const std::uint64_t end = kHeaderRoom + m_size;
        if (!m_linkable || end - m_flushed < kStretch) return;
        const std::uint64_t upTo = end / kStretch * kStretch;
        ::sync_file_range(m_fd, off_t(m_flushed), off_t(upTo - m_flushed), SYNC_FILE_RANGE_WRITE);
        m_flushed = upTo;
    }

    // Copies [offset, offset + size) of `fd` into `writer`.
    static Status copyRange(int fd, std::uint64_t offset, std::uint64_t size,
                            ObjectWriter& writer) {
        std::vector<char> buffer(std::size_t(std::min<std::uint64_t>(size, 1 << 20)));
        for (std::uint64_t at = 0; at < size;) {
            std::size_t want = std::size_t(std::min<std::uint64_t>(size - at, buffer.size()));
            ssize_t n = ::pread(fd, buffer.data(), want, off_t(offset + at));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return makeError(ErrorCode::Io, "cannot read back a temporary file");
            if (auto s = writer.write(buffer.data(), std::size_t(n)); !s) return s;
            at += std::uint64_t(n);
        }
        return {};
    }

    // Streams the header and the spilled bytes into a new object.
    Result<std::string> copy(const ObjectStore& objects, const std::string& header,
                             ImportRecord* record) const {
        ObjectWriter writer(objects);
        if (auto s = writer.open(); !s) return s.error();
        if (auto s = writer.write(header); !s) return s.error();
        if (!m_shared) {
            if (auto s = copyRange(m_fd, kHeaderRoom, m_size, writer); !s) return s.error();
            return writer.commit(record);
        }
        for (const auto& piece : m_pieces)
            if (auto s = copyRange(m_shared->fd, piece.offset, piece.size, writer); !s)
                return s.error();
        if (auto s = writer.write(m_buffer.data(), m_buffer.size()); !s) return s.error();
        return writer.commit(record);
    }

    int m_fd = -1;
    bool m_linkable = false;  // an O_TMPFILE file, which can be given a name
    std::uint64_t m_size = 0;
    std::uint64_t m_flushed = 0;  // bytes handed to the disk so far
    SharedSpill* m_shared = nullptr;
    std::size_t m_pieceBytes = 0;
    std::vector<char> m_buffer;   // shared: bytes not yet in the shared file
    std::vector<Piece> m_pieces;  // shared: where the earlier bytes are, in order
};

// "a, b, c" from `values[from..]`, the first ten of them.
std::string joinedValues(const std::vector<std::string>& values, std::size_t from) {
    std::string joined;
    for (std::size_t i = from; i < values.size() && i < from + 10; ++i)
        joined += (joined.empty() ? "'" : ", '") + values[i] + "'";
    if (values.size() > from + 10) joined += ", …";
    return joined;
}

bool hasMask(ColumnType type) {
    return type == ColumnType::Integer || type == ColumnType::Boolean || type == ColumnType::Text;
}

}  // namespace

struct TableWriter::Impl {
    const ObjectStore& store;
    std::vector<ColumnSpec> specs;
    SharedSpill shared;
    struct Column {
        SpillFile values, mask, offsets;
        std::uint64_t missing = 0;
        bool maskWritten = false;  // the mask is spilled from the first missing cell on
        std::int64_t textEnd = 0;
        std::vector<std::string> categories;
        std::unordered_map<std::string, std::int32_t> categoryIndex;
        std::vector<std::string> found;  // undecided columns: the first values met
    };
    std::vector<Column> columns;
};

TableWriter::TableWriter(const ObjectStore& store, std::vector<ColumnSpec> columns)
    : m_impl(new Impl{store, std::move(columns), {}, {}}) {
    m_impl->columns.resize(m_impl->specs.size());
    // An ordered column's levels take the first codes, in their order.
    for (std::size_t i = 0; i < m_impl->specs.size(); ++i) {
        auto& c = m_impl->columns[i];
        for (const auto& level : m_impl->specs[i].levels)
            if (c.categoryIndex.try_emplace(level, std::int32_t(c.categories.size())).second)
                c.categories.push_back(level);
    }
}

TableWriter::~TableWriter() = default;

namespace {

// How many arrays get a temporary file of their own: an eighth of the open-file limit (at most
// 256), so that a table of any width, even several imports at once in one process, stays far
// below it; the other arrays share one file.
std::size_t ownSpillFiles() {
    struct rlimit limit {};
    std::uint64_t soft = 1024;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        soft = limit.rlim_cur;
    return std::size_t(std::clamp<std::uint64_t>(soft / 8, 16, 256));
}

// Memory for the unwritten pieces of all shared arrays together.
constexpr std::size_t kSharedBufferBytes = std::size_t(256) << 20;

}  // namespace

Status TableWriter::open() {
    auto dir = m_impl->store.tmpDir();
    std::vector<SpillFile*> files;
    for (std::size_t i = 0; i < m_impl->columns.size(); ++i) {
        auto& c = m_impl->columns[i];
        ColumnType type = m_impl->specs[i].type;
        if (m_impl->specs[i].skipped) continue;
        files.push_back(&c.values);
        if (hasMask(type)) files.push_back(&c.mask);
        if (type == ColumnType::Text) files.push_back(&c.offsets);
    }
    const std::size_t own = std::min(files.size(), ownSpillFiles());
    for (std::size_t f = 0; f < own; ++f)
        if (auto s = files[f]->open(dir); !s) return s;
    if (own < files.size()) {
        if (auto s = m_impl->shared.open(dir); !s) return s;
        std::size_t piece = std::clamp<std::size_t>(kSharedBufferBytes / (files.size() - own), 4096,
                                                    std::size_t(1) << 20);
        for (std::size_t f = own; f < files.size(); ++f) files[f]->share(m_impl->shared, piece);
    }
    for (std::size_t i = 0; i < m_impl->columns.size(); ++i) {
        auto& c = m_impl->columns[i];
        if (m_impl->specs[i].type == ColumnType::Text && !m_impl->specs[i].skipped)
            if (auto s = c.offsets.write(&c.textEnd, sizeof c.textEnd); !s) return s;
    }
    return {};
}

namespace {

// Spills a chunk's missing-cell mask once the column has a missing cell (the rows before it get
// zeros); a column without missing cells stores no mask.
Status appendMask(ColumnChunk& chunk, SpillFile& mask, bool& written, std::uint64_t rowsBefore) {
    if (!written && chunk.missing == 0) return {};
    if (!written) {
        if (auto s = mask.writeZeros(rowsBefore); !s) return s;
        written = true;
    }
    return mask.write(chunk.mask);
}

Status appendColumn(ColumnType type, ColumnChunk& chunk, SpillFile& values, SpillFile& offsets,
                    std::int64_t& textEnd, std::vector<std::string>& categories,
                    std::unordered_map<std::string, std::int32_t>& index) {
    switch (type) {
        case ColumnType::Float:
            return values.write(chunk.floats);
        case ColumnType::Boolean:
            return values.write(chunk.bytes);
        case ColumnType::Integer:
        case ColumnType::Date:
        case ColumnType::DateTime:
            return values.write(chunk.ints);
        case ColumnType::Categorical: {
            std::vector<std::int32_t> remap(chunk.dictionary.size());
            for (std::size_t i = 0; i < chunk.dictionary.size(); ++i) {
                auto [it, added] =
                    index.try_emplace(chunk.dictionary[i], std::int32_t(categories.size()));
                if (added) categories.push_back(chunk.dictionary[i]);
                remap[i] = it->second;
            }
            for (auto& code : chunk.codes)
                if (code >= 0) code = remap[std::size_t(code)];
            return values.write(chunk.codes);
        }
        case ColumnType::Text: {
            std::vector<std::int64_t> ends(chunk.lengths.size());
            for (std::size_t i = 0; i < ends.size(); ++i) ends[i] = textEnd += chunk.lengths[i];
            if (auto s = offsets.write(ends); !s) return s;
            return values.write(chunk.text.data(), chunk.text.size());
        }
    }
    return {};
}

}  // namespace

Status TableWriter::append(std::vector<ColumnChunk>& chunks) {
    if (chunks.size() != m_impl->columns.size())
        return makeError(ErrorCode::Internal, "chunk has the wrong column count");
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        if (m_impl->specs[i].skipped) continue;
        auto& c = m_impl->columns[i];
        c.missing += chunks[i].missing;
        for (auto& v : chunks[i].found)
            if (c.found.size() < kFoundValues) c.found.push_back(std::move(v));
        if (hasMask(m_impl->specs[i].type))
            if (auto s = appendMask(chunks[i], c.mask, c.maskWritten, m_rows); !s) return s;
        if (auto s = appendColumn(m_impl->specs[i].type, chunks[i], c.values, c.offsets,
                                  c.textEnd, c.categories, c.categoryIndex);
            !s)
            return s;
    }
    if (!chunks.empty()) m_rows += chunks[0].rows;
    return {};
}

std::size_t TableWriter::categoryCount(std::size_t column) const {
    return m_impl->columns[column].categories.size();
}

const std::vector<std::string>& TableWriter::foundValues(std::size_t column) const {
    return m_impl->columns[column].found;
}

Result<std::string> TableWriter::commit(const std::string& sourceJson, unsigned threads,
                                        TableManifest& manifest, ImportRecord* record) {
    struct Job {
        const SpillFile* file;
        std::string descr;
        std::uint64_t count;
        std::string* hash;
    };
    manifest = TableManifest{};
    manifest.rows = m_rows;
    manifest.sourceJson = sourceJson;
    const auto& specs = m_impl->specs;
    manifest.columns.resize(std::size_t(std::count_if(
        specs.begin(), specs.end(), [](const ColumnSpec& spec) { return !spec.skipped; })));
    std::vector<Job> jobs;
    for (std::size_t i = 0, k = 0; i < specs.size(); ++i) {
        const auto& spec = specs[i];
        if (spec.skipped) continue;
        auto& c = m_impl->columns[i];
        auto& info = manifest.columns[k++];  // sized above: the jobs point into it
        info.name = spec.name, info.type = spec.type, info.missing = c.missing,
        info.note = spec.note;
        info.categories = c.categories;
        info.ordered = spec.type == ColumnType::Categorical && spec.ordered;
        if (info.ordered && c.categories.size() > spec.levels.size())
            info.note += "; met but not in the order, so placed after it: " +
                         joinedValues(c.categories, spec.levels.size());
        if (spec.type == ColumnType::Boolean) info.labels = spec.labels;
        bool text = spec.type == ColumnType::Text;
        jobs.push_back(
            {&c.values, npyValuesDescr(spec.type), text ? c.values.size() : m_rows, &info.values});
        if (hasMask(spec.type) && c.missing > 0)
            jobs.push_back({&c.mask, "|u1", m_rows, &info.mask});
        if (text) jobs.push_back({&c.offsets, "<i8", m_rows + 1, &info.offsets});
    }
    // Largest arrays first, so the threads finish together (hashing is the cost).
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.file->size() > b.file->size(); });
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::optional<Error> failure;
    auto work = [&] {
        for (std::size_t j; (j = next++) < jobs.size();) {
            auto hash = jobs[j].file->store(m_impl->store, jobs[j].descr, jobs[j].count, record);
            std::lock_guard lock(mutex);
            if (hash)
                *jobs[j].hash = *hash;
            else if (!failure)
                failure = hash.error();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (failure) return *failure;
    return m_impl->store.put(manifest.toJson(), record);
}

}  // namespace kiln
