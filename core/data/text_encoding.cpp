#include "core/data/text_encoding.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>

namespace kiln {

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
        // The second byte's narrower ranges: no overlong forms (E0 80..9F, F0 80..8F), no
        // surrogates (ED A0..BF), nothing past U+10FFFF (F4 90..BF). JSON writers refuse them.
        const std::uint8_t second = s[i + 1];
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) || (c == 0xF0 && second < 0x90) ||
            (c == 0xF4 && second > 0x8F))
            return i;
        i += std::size_t(extra) + 1;
    }
    return size;
}

namespace {

// The SIGBUS guard. A mapped file that another process truncates raises SIGBUS on the next read
// of a vanished page. Every mapping registers its range here; the handler replaces the pages
// from the faulting one to the end of that range with zero pages (so the read that faulted,
// and all later ones, see zeros), marks the range as hit and returns. Readers then notice the
// truncation through TextSource::verifyUnchanged(). A SIGBUS outside every registered range
// keeps its previous meaning (the earlier handler, or the default action).
struct GuardSlot {
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
    std::atomic<bool> hit{false};
};
constexpr std::size_t kGuardSlots = 256;
GuardSlot g_guardSlots[kGuardSlots];
struct sigaction g_previousSigbus;
std::uintptr_t g_pageSize = 4096;

bool zeroFillFault(std::uintptr_t addr) {
    for (auto& slot : g_guardSlots) {
        std::uintptr_t begin = slot.begin.load(), end = slot.end.load();
        if (!begin || addr < begin || addr >= end) continue;
        std::uintptr_t page = addr & ~(g_pageSize - 1);
        void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                             MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0);
        if (zeros == MAP_FAILED) return false;
        slot.hit = true;
        return true;
    }
    return false;
}

void onSigbus(int sig, siginfo_t* info, void* context) {
    if (zeroFillFault(reinterpret_cast<std::uintptr_t>(info->si_addr))) return;
    if ((g_previousSigbus.sa_flags & SA_SIGINFO) && g_previousSigbus.sa_sigaction) {
        g_previousSigbus.sa_sigaction(sig, info, context);
        return;
    }
    if (g_previousSigbus.sa_handler != SIG_DFL && g_previousSigbus.sa_handler != SIG_IGN) {
        g_previousSigbus.sa_handler(sig);
        return;
    }
    // Not ours: the default action on return, when the read faults again.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    ::sigaction(SIGBUS, &dfl, nullptr);
}

void installSigbusGuard() {
    static std::once_flag once;
    std::call_once(once, [] {
        g_pageSize = std::uintptr_t(::sysconf(_SC_PAGESIZE));
        struct sigaction action {};
        action.sa_sigaction = onSigbus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &g_previousSigbus);
    });
}

// Claims a slot for [base, base + length); -1 when all are taken (the range is then unguarded).
int guardRange(void* base, std::size_t length) {
    installSigbusGuard();
    auto begin = reinterpret_cast<std::uintptr_t>(base);
    for (std::size_t i = 0; i < kGuardSlots; ++i) {
        std::uintptr_t expected = 0;
        if (!g_guardSlots[i].begin.compare_exchange_strong(expected, begin)) continue;
        g_guardSlots[i].hit = false;
        g_guardSlots[i].end = (begin + length + g_pageSize - 1) & ~(g_pageSize - 1);
        return int(i);
    }
    return -1;
}

}  // namespace

namespace {

// Length of a UTF-8 sequence cut off at the end of [data, data + size): the bytes from its lead
// byte to the end, or 0 when the text ends on a whole character.
std::size_t cutOffTail(const std::uint8_t* s, std::size_t size) {
    for (std::size_t back = 1; back <= 3 && back <= size; ++back) {
        std::uint8_t c = s[size - back];
        if ((c & 0xC0) == 0x80) continue;
        std::size_t need = (c & 0xE0) == 0xC0   ? 2
                           : (c & 0xF0) == 0xE0 ? 3
                           : (c & 0xF8) == 0xF0 ? 4
                                                : 1;
        return need > back ? back : 0;
    }
    return 0;
}

std::uint64_t countLeadBytes(const std::uint8_t* s, std::size_t size) {
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < size; ++i) n += (s[i] & 0xC0) == 0xC0;
    return n;
}

}  // namespace

std::size_t findInvalidUtf8InValue(const char* data, std::size_t size) {
    const std::size_t bad = findInvalidUtf8(data, size);
    if (bad < size) return bad;
    return size - cutOffTail(reinterpret_cast<const std::uint8_t*>(data), size);
}

Utf8Evidence weighUtf8(const char* data, std::size_t size, bool atEnd, std::size_t maxSamples) {
    auto s = reinterpret_cast<const std::uint8_t*>(data);
    Utf8Evidence e;
    auto invalidAt = [&](std::size_t at) {
        ++e.invalidBytes;
        if (e.firstInvalid.size() < maxSamples) e.firstInvalid.push_back(at);
    };
    for (std::size_t i = 0; i < size;) {
        std::size_t bad = i + findInvalidUtf8(data + i, size - i);
        if (bad == size) {
            std::size_t tail = atEnd ? cutOffTail(s + i, size - i) : 0;
            e.multibyteChars += countLeadBytes(s + i, size - i - tail);
            for (std::size_t k = size - tail; k < size; ++k) invalidAt(k);
            break;
        }
        e.multibyteChars += countLeadBytes(s + i, bad - i);
        invalidAt(bad);
        i = bad + 1;
    }
    return e;
}

bool mostlyUtf8(const Utf8Evidence& e) {
    constexpr std::uint64_t kRatio = 4;
    return e.invalidBytes == 0 || e.multibyteChars >= kRatio * e.invalidBytes;
}

struct TextSource::Mapping {
    void* base = nullptr;
    std::size_t length = 0;
    int slot = -1;
    bool truncated() const { return slot >= 0 && g_guardSlots[slot].hit.load(); }
    ~Mapping() {
        if (slot >= 0) {
            g_guardSlots[slot].end = 0;
            g_guardSlots[slot].begin = 0;
        }
        if (base && length) ::munmap(base, length);
    }
};

namespace {


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

namespace {

// Why a path that is not a regular file cannot be imported, or nullptr when it is one.
const char* notRegularReason(mode_t mode) {
    if (S_ISREG(mode)) return nullptr;
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a regular file: save the data to a file and import "
               "that";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

}  // namespace

Result<TextSource> TextSource::open(const std::filesystem::path& file) {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever.
    int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return makeError(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         std::string("cannot open file: ") + std::strerror(errno), file.string());
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int error = errno;
        ::close(fd);
        return makeError(ErrorCode::Io, std::string("cannot read file: ") + std::strerror(error),
                         file.string());
    }
    if (const char* reason = notRegularReason(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::InvalidArgument, reason, file.string());
    }
    TextSource source;
    source.m_path = file.string();
    source.m_fileSize = std::uint64_t(st.st_size);
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
        source.m_mapping->slot = guardRange(base, length);
        ::madvise(base, length, MADV_SEQUENTIAL);
    }
    ::close(fd);
    source.detectEncoding();
    return source;
}

TextSource::TextSource(TextSource&& other) noexcept {
    *this = std::move(other);
}

TextSource& TextSource::operator=(TextSource&& other) noexcept {
    if (this == &other) return *this;
    const bool owned = other.m_data >= other.m_owned.data() &&
                       other.m_data <= other.m_owned.data() + other.m_owned.size();
    const std::size_t offset = owned ? std::size_t(other.m_data - other.m_owned.data()) : 0;
    m_mapping = std::move(other.m_mapping);
    m_path = std::move(other.m_path);
    m_fileSize = other.m_fileSize;
    m_truncatedEarlier = other.m_truncatedEarlier;
    m_owned = std::move(other.m_owned);
    m_data = owned ? m_owned.data() + offset : other.m_data;
    m_size = other.m_size;
    m_encoding = other.m_encoding;
    other.m_data = nullptr;
    other.m_size = 0;
    return *this;
}

void TextSource::detectEncoding() {
    auto bytes = static_cast<const std::uint8_t*>(m_mapping->base);
    const std::size_t length = m_mapping->length;
    m_data = reinterpret_cast<const char*>(bytes);
    m_size = length;
    if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        m_encoding = TextEncoding::Utf8Bom;
        m_data += 3;
        m_size -= 3;
    } else if (length >= 2 &&
               ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        bool big = bytes[0] == 0xFE;
        m_encoding = big ? TextEncoding::Utf16Be : TextEncoding::Utf16Le;
        m_owned = transcodeUtf16(bytes + 2, length - 2, big);
        m_data = m_owned.data();
        m_size = m_owned.size();
        dropMapping();
    }
}

void TextSource::dropMapping() {
    if (m_mapping && m_mapping->truncated()) m_truncatedEarlier = true;
    m_mapping.reset();
}

Status TextSource::verifyUnchanged() const {
    bool truncated = m_truncatedEarlier || (m_mapping && m_mapping->truncated());
    struct stat st {};
    std::uint64_t now = m_fileSize;
    if (!m_path.empty() && ::stat(m_path.c_str(), &st) == 0) now = std::uint64_t(st.st_size);
    if (!truncated && now >= m_fileSize) return {};
    if (now >= m_fileSize)  // SIGBUS without a shorter file: a failed read of the mapped pages
        return makeError(ErrorCode::Io,
                         "part of the file could not be read (an I/O error, or the file was "
                         "replaced while it was being read): nothing was imported",
                         m_path);
    return makeError(ErrorCode::Io,
                     "the file changed while it was being read (it was " +
                         std::to_string(m_fileSize) + " bytes, now " + std::to_string(now) +
                         "): nothing was imported; import it again once it is complete",
                     m_path);
}

void TextSource::reinterpretAsLatin1() {
    std::string out;
    out.reserve(m_size + m_size / 8);
    for (std::size_t i = 0; i < m_size; ++i) appendUtf8(out, std::uint8_t(m_data[i]));
    m_owned = std::move(out);
    dropMapping();
    m_data = m_owned.data();
    m_size = m_owned.size();
    m_encoding = TextEncoding::Latin1;
}

void TextSource::replaceInvalidUtf8() {
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(m_size + 64);
    auto s = reinterpret_cast<const std::uint8_t*>(m_data);
    for (std::size_t i = 0; i < m_size;) {
        std::size_t bad = i + findInvalidUtf8(m_data + i, m_size - i);
        if (bad == m_size) bad = m_size - cutOffTail(s + i, m_size - i);
        out.append(m_data + i, bad - i);
        if (bad == m_size) break;
        out.append(kReplacement, 3);
        i = bad + 1;
    }
    m_owned = std::move(out);
    dropMapping();
    m_data = m_owned.data();
    m_size = m_owned.size();
}

void TextSource::prefetch(std::size_t begin, std::size_t end) const {
#if defined(MADV_POPULATE_READ)
    constexpr int kPopulateRead = MADV_POPULATE_READ;
#else
    constexpr int kPopulateRead = 22;  // the value in Linux's headers; older kernels refuse it
#endif
    if (!m_mapping || !m_mapping->base) return;
    const std::uintptr_t page = std::uintptr_t(::sysconf(_SC_PAGESIZE));
    std::uintptr_t from = reinterpret_cast<std::uintptr_t>(m_data) + begin;
    std::uintptr_t to = reinterpret_cast<std::uintptr_t>(m_data) + end;
    from = from / page * page;
    if (to <= from) return;
    ::madvise(reinterpret_cast<void*>(from), to - from, kPopulateRead);
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
