#include "core/data/parquet/parquet_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

#include "core/data/parquet/parquet_codecs.h"
#include "core/data/parquet/thrift_compact.h"

namespace kiln::parquet {

namespace {

// Bounds on what one page may claim, so a corrupt header cannot ask for a huge allocation.
constexpr std::int64_t kMaxPageBytes = std::int64_t(1) << 30;
constexpr std::int32_t kMaxPageValues = 1 << 26;

bool preadAll(int fd, char* out, std::size_t length, std::uint64_t offset) {
    while (length > 0) {
        const ssize_t n = ::pread(fd, out, length, off_t(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        out += n, length -= std::size_t(n), offset += std::uint64_t(n);
    }
    return true;
}

// The definition levels of a page: `count` of them, 1 where the row has a value.
void decodeLevels(const std::uint8_t* data, std::size_t size, int maxDefinition, std::size_t count,
                  std::vector<std::uint8_t>& defined) {
    std::vector<std::uint32_t> levels(count);
    decodeHybrid(data, size, bitWidthOf(std::uint32_t(maxDefinition)), levels.data(), count);
    for (auto level : levels) {
        if (level > std::uint32_t(maxDefinition))
            throw FormatError("definition level " + std::to_string(level) +
                              " above the column's maximum " + std::to_string(maxDefinition));
        defined.push_back(level == std::uint32_t(maxDefinition));
    }
}

std::size_t countDefined(const std::vector<std::uint8_t>& defined, std::size_t from) {
    std::size_t n = 0;
    for (std::size_t i = from; i < defined.size(); ++i) n += defined[i];
    return n;
}

// The values of a data page (from `offset` in its decompressed bytes) by encoding.
// A dictionary-encoded page's indices are also kept in `data` while every page so far was one.
void decodePageValues(std::int32_t encoding, const std::string& page, std::size_t offset,
                      std::size_t count, const Values* dictionary, ColumnData& data) {
    Values& out = data.values;
    if (encoding != kPlainDictionary && encoding != kRleDictionary) {
        data.dictionaryOnly = false;
        return decodeValues(encoding, page, offset, count, out);
    }
    if (!dictionary) throw FormatError("dictionary-encoded page without a dictionary page");
    if (count == 0) return;
    if (offset >= page.size()) throw FormatError("dictionary indices missing");
    const auto* p = reinterpret_cast<const std::uint8_t*>(page.data()) + offset;
    std::vector<std::uint32_t> indices(count);
    decodeHybrid(p + 1, page.size() - offset - 1, p[0], indices.data(), count);
    for (auto index : indices) out.appendFrom(*dictionary, index);
    if (data.dictionaryOnly) data.dictionaryIndices.insert(data.dictionaryIndices.end(), indices.begin(), indices.end());
}

void checkPageSizes(const PageHeader& h, std::size_t left) {
    if (h.compressedSize < 0 || h.uncompressedSize < 0 || h.uncompressedSize > kMaxPageBytes)
        throw FormatError("page header unreadable: sizes " + std::to_string(h.compressedSize) +
                          "/" + std::to_string(h.uncompressedSize));
    if (std::size_t(h.compressedSize) > left)
        throw FormatError("page of " + std::to_string(h.compressedSize) +
                          " bytes runs past the column chunk");
}

void checkValueCount(std::int32_t values, std::int64_t seen, std::int64_t expected) {
    if (values < 0 || values > kMaxPageValues || seen + values > expected)
        throw FormatError("page of " + std::to_string(values) +
                          " values is more than the column holds (" + std::to_string(expected) +
                          ")");
}

// A data page v1: levels and values all compressed together.
void readDataPageV1(const DataPageHeader& h, std::string page, const LeafInfo& leaf,
                    const Values* dictionary, ColumnData& out) {
    const std::size_t count = std::size_t(h.numValues);
    std::size_t offset = 0;
    const std::size_t first = out.defined.size();
    if (leaf.maxDefinition > 0) {
        if (h.definitionLevelEncoding != kRle)
            throw FormatError("definition levels in " + encodingName(h.definitionLevelEncoding) +
                              " are not supported");
        if (page.size() < 4) throw FormatError("definition levels missing");
        std::uint32_t length;
        std::memcpy(&length, page.data(), 4);
        if (length > page.size() - 4)
            throw FormatError("definition levels run past the end of the page");
        decodeLevels(reinterpret_cast<const std::uint8_t*>(page.data()) + 4, length,
                     leaf.maxDefinition, count, out.defined);
        offset = 4 + length;
    } else {
        out.defined.insert(out.defined.end(), count, 1);
    }
    const std::string& kept = out.values.buffers.emplace_back(std::move(page));
    decodePageValues(h.encoding, kept, offset, countDefined(out.defined, first), dictionary,
                     out);
}

// A data page v2: levels first and never compressed, the values after them maybe.
void readDataPageV2(const DataPageHeaderV2& h, const PageHeader& header, const std::uint8_t* data,
                    std::int32_t codec, const LeafInfo& leaf, const Values* dictionary,
                    ColumnData& out) {
    const std::size_t size = std::size_t(header.compressedSize);
    if (h.definitionLevelsByteLength < 0 || h.repetitionLevelsByteLength < 0 ||
        std::size_t(h.definitionLevelsByteLength) + std::size_t(h.repetitionLevelsByteLength) >
            size ||
        h.definitionLevelsByteLength + std::int64_t(h.repetitionLevelsByteLength) >
            header.uncompressedSize)
        throw FormatError("level lengths run past the end of the page");
    const std::size_t levelBytes =
        std::size_t(h.definitionLevelsByteLength) + std::size_t(h.repetitionLevelsByteLength);
    const std::size_t count = std::size_t(h.numValues);
    const std::size_t first = out.defined.size();
    if (leaf.maxDefinition > 0)
        decodeLevels(data + h.repetitionLevelsByteLength, std::size_t(h.definitionLevelsByteLength),
                     leaf.maxDefinition, count, out.defined);
    else
        out.defined.insert(out.defined.end(), count, 1);
    std::string values;
    const std::size_t valueBytes = std::size_t(header.uncompressedSize) - levelBytes;
    if (h.isCompressed && codec != kUncompressed) {
        decompress(codec, data + levelBytes, size - levelBytes, valueBytes, values);
    } else {
        if (size - levelBytes != valueBytes)
            throw FormatError("uncompressed page size differs from its header");
        values.assign(reinterpret_cast<const char*>(data + levelBytes), valueBytes);
    }
    const std::string& kept = out.values.buffers.emplace_back(std::move(values));
    decodePageValues(h.encoding, kept, 0, countDefined(out.defined, first), dictionary, out);
}

}  // namespace

ParquetFile::~ParquetFile() {
    if (m_fd >= 0) ::close(m_fd);
}

Result<std::unique_ptr<ParquetFile>> ParquetFile::open(const std::filesystem::path& path) {
    auto file = std::make_unique<ParquetFile>();
    file->m_path = path.string();
    file->m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file->m_fd < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         std::string("cannot open the file: ") + std::strerror(errno),
                         file->m_path);
    const off_t end = ::lseek(file->m_fd, 0, SEEK_END);
    if (end < 0)
        return makeError(ErrorCode::Io,
                         std::string("cannot read the file: ") + std::strerror(errno),
                         file->m_path);
    file->m_size = std::uint64_t(end);
    auto bad = [&](const std::string& message) {
        return makeError(ErrorCode::InvalidArgument, "not a readable Parquet file: " + message,
                         file->m_path);
    };
    if (file->m_size < 12)
        return bad("only " + std::to_string(file->m_size) + " bytes, too short for Parquet");
    char head[4], tail[8];
    if (!preadAll(file->m_fd, head, 4, 0) || !preadAll(file->m_fd, tail, 8, file->m_size - 8))
        return makeError(ErrorCode::Io, "cannot read the file", file->m_path);
    if (std::memcmp(head, "PAR1", 4) != 0) return bad("bad magic at the start (no \"PAR1\")");
    if (std::memcmp(tail + 4, "PAR1", 4) != 0)
        return bad("bad magic at the end (no \"PAR1\"): the file may be cut short");
    std::uint32_t footerLength;
    std::memcpy(&footerLength, tail, 4);
    if (footerLength > file->m_size - 12)
        return bad("footer length " + std::to_string(footerLength) +
                   " runs past the start of the file (" + std::to_string(file->m_size) + " bytes)");
    file->m_dataEnd = file->m_size - 8 - footerLength;
    std::string footer(footerLength, '\0');
    if (!preadAll(file->m_fd, footer.data(), footerLength, file->m_dataEnd))
        return makeError(ErrorCode::Io, "cannot read the footer", file->m_path);
    try {
        file->m_meta =
            parseFileMetaData(reinterpret_cast<const std::uint8_t*>(footer.data()), footer.size());
    } catch (const FormatError& e) {
        return bad(std::string("footer unreadable: ") + e.what());
    }
    if (file->m_meta.schema.empty()) return bad("footer has no schema");
    return file;
}

void ParquetFile::read(std::uint64_t offset, std::uint64_t length, std::string& out) const {
    if (offset < 4 || offset > m_dataEnd || length > m_dataEnd - offset)
        throw FormatError("column chunk at byte " + std::to_string(offset) + " (" +
                          std::to_string(length) + " bytes) lies outside the file's data");
    out.resize(std::size_t(length));
    if (!preadAll(m_fd, out.data(), std::size_t(length), offset))
        throw FormatError("the file could not be read");
}

void readColumnChunk(const ParquetFile& file, const ColumnMeta& meta, const LeafInfo& leaf,
                     std::int64_t rows, ColumnData& out) {
    out.values.type = leaf.type;
    out.values.typeLength = leaf.typeLength;
    if (meta.type != leaf.type) throw FormatError("column chunk type differs from the schema");
    std::int64_t start = meta.dataPageOffset;
    if (meta.dictionaryPageOffset && *meta.dictionaryPageOffset > 0 &&
        *meta.dictionaryPageOffset < start)
        start = *meta.dictionaryPageOffset;
    if (start < 0 || meta.totalCompressedSize < 0 || meta.numValues != rows)
        throw FormatError("column chunk metadata unreadable (offset " + std::to_string(start) +
                          ", " + std::to_string(meta.numValues) + " values for " +
                          std::to_string(rows) + " rows)");
    std::string chunk;
    file.read(std::uint64_t(start), std::uint64_t(meta.totalCompressedSize), chunk);
    out.defined.reserve(std::size_t(rows));
    const auto* data = reinterpret_cast<const std::uint8_t*>(chunk.data());
    std::size_t pos = 0;
    std::optional<Values> dictionary;
    std::int64_t seen = 0;
    while (seen < rows) {
        if (pos >= chunk.size())
            throw FormatError("column chunk ends after " + std::to_string(seen) + " of " +
                              std::to_string(rows) + " values");
        ++out.pages;
        std::size_t headerSize = 0;
        PageHeader header;
        try {
            header = parsePageHeader(data + pos, chunk.size() - pos, headerSize);
        } catch (const FormatError& e) {
            throw FormatError(std::string("page header unreadable: ") + e.what());
        }
        pos += headerSize;
        checkPageSizes(header, chunk.size() - pos);
        const std::uint8_t* body = data + pos;
        pos += std::size_t(header.compressedSize);
        if (header.type == kDictionaryPage) {
            if (!header.dictionary) throw FormatError("dictionary page without its header");
            if (dictionary) throw FormatError("a second dictionary page");
            checkValueCount(header.dictionary->numValues, 0, kMaxPageValues);
            dictionary.emplace();
            dictionary->type = leaf.type, dictionary->typeLength = leaf.typeLength;
            std::string page;
            decompress(meta.codec, body, std::size_t(header.compressedSize),
                       std::size_t(header.uncompressedSize), page);
            // The dictionary's strings view its page: keep that with the column's values.
            const std::string& kept = out.values.buffers.emplace_back(std::move(page));
            decodeValues(kPlain, kept, 0, std::size_t(header.dictionary->numValues), *dictionary);
            out.dictionary = dictionary->strings;
            if (dictionary->int96DroppedPrecision) out.values.int96DroppedPrecision = true;
        } else if (header.type == kDataPage) {
            if (!header.data) throw FormatError("data page without its header");
            checkValueCount(header.data->numValues, seen, rows);
            std::string page;
            decompress(meta.codec, body, std::size_t(header.compressedSize),
                       std::size_t(header.uncompressedSize), page);
            readDataPageV1(*header.data, std::move(page), leaf, dictionary ? &*dictionary : nullptr,
                           out);
            seen += header.data->numValues;
        } else if (header.type == kDataPageV2) {
            if (!header.dataV2) throw FormatError("data page v2 without its header");
            checkValueCount(header.dataV2->numValues, seen, rows);
            readDataPageV2(*header.dataV2, header, body, meta.codec, leaf,
                           dictionary ? &*dictionary : nullptr, out);
            seen += header.dataV2->numValues;
        } else if (header.type != kIndexPage) {
            throw FormatError("unknown page type " + std::to_string(header.type));
        }
    }
}

}  // namespace kiln::parquet
