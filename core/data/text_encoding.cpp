#include "core/data/text_encoding.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiln {

const char* textEncodingName(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8:
            return "utf-8";
        case TextEncoding::Utf8Bom:
            return "utf-8-bom";
        case TextEncoding::Utf16Le:
            return "utf-16le";
        case TextEncoding::Utf16Be:
            return "utf-16be";
        case TextEncoding::Latin1:
            return "latin-1";
    }
    return "utf-8";
}

std::size_t findInvalidUtf8(const char* data, std::size_t size) {
    auto s = reinterpret_cast<const std::uint8_t*>(data);
    std::size_t i = 0;
    while (i < size) {
        if (i + 8 <= size) {
            std::uint64_t w;
            std::memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        std::uint8_t c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (extra < 0 || c == 0xC0 || c == 0xC1 || c > 0xF4) return i;
        for (int k = 1; k <= extra; ++k) {
            if (i + std::size_t(k) >= size) return size;  // cut off: the caller owns the rest
            if ((s[i + std::size_t(k)] & 0xC0) != 0x80) return i;
        }
        i += std::size_t(extra) + 1;
    }
    return size;
}

struct TextSource::Mapping {
    void* base = nullptr;
    std::size_t length = 0;
    ~Mapping() {
        if (base && length) ::munmap(base, length);
    }
};

namespace {

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// UTF-16 to UTF-8; unpaired surrogates become U+FFFD.
std::string transcodeUtf16(const std::uint8_t* s, std::size_t size, bool bigEndian) {
    std::string out;
    out.reserve(size);
    auto unit = [&](std::size_t i) {
        return bigEndian ? std::uint32_t(s[i] << 8 | s[i + 1])
                         : std::uint32_t(s[i + 1] << 8 | s[i]);
    };
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        std::uint32_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < size) {
            std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low < 0xE000) {
                appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        appendUtf8(out, (u >= 0xD800 && u < 0xE000) ? 0xFFFD : u);
    }
    return out;
}

}  // namespace

Result<TextSource> TextSource::open(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         std::string("cannot open file: ") + std::strerror(errno), file.string());
    struct stat st {};
    ::fstat(fd, &st);
    TextSource source;
    source.m_mapping = std::make_shared<Mapping>();
    std::size_t length = std::size_t(st.st_size);
    if (length > 0) {
        void* base = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
        if (base == MAP_FAILED) {
            ::close(fd);
            return makeError(ErrorCode::Io, std::string("cannot map file: ") + std::strerror(errno),
                             file.string());
        }
        source.m_mapping->base = base;
        source.m_mapping->length = length;
        ::madvise(base, length, MADV_SEQUENTIAL);
    }
    ::close(fd);
    auto bytes = static_cast<const std::uint8_t*>(source.m_mapping->base);
    source.m_data = reinterpret_cast<const char*>(bytes);
    source.m_size = length;
    if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        source.m_encoding = TextEncoding::Utf8Bom;
        source.m_data += 3;
        source.m_size -= 3;
    } else if (length >= 2 &&
               ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        bool big = bytes[0] == 0xFE;
        source.m_encoding = big ? TextEncoding::Utf16Be : TextEncoding::Utf16Le;
        source.m_owned = transcodeUtf16(bytes + 2, length - 2, big);
        source.m_data = source.m_owned.data();
        source.m_size = source.m_owned.size();
        source.m_mapping.reset();
    }
    return source;
}

void TextSource::reinterpretAsLatin1() {
    std::string out;
    out.reserve(m_size + m_size / 8);
    for (std::size_t i = 0; i < m_size; ++i) appendUtf8(out, std::uint8_t(m_data[i]));
    m_owned = std::move(out);
    m_mapping.reset();
    m_data = m_owned.data();
    m_size = m_owned.size();
    m_encoding = TextEncoding::Latin1;
}

void TextSource::release(std::size_t begin, std::size_t end) const {
    if (!m_mapping || !m_mapping->base) return;
    auto base = reinterpret_cast<std::uintptr_t>(m_mapping->base);
    std::uintptr_t from = reinterpret_cast<std::uintptr_t>(m_data) + begin;
    std::uintptr_t to = reinterpret_cast<std::uintptr_t>(m_data) + end;
    const std::uintptr_t page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    from = (from + page - 1) / page * page;
    to = to / page * page;
    if (from < base || to <= from) return;
    ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

}  // namespace kiln
