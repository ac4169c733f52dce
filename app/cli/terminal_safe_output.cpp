#include "app/cli/terminal_safe_output.h"

namespace kiln::cli {

namespace {

bool putHex(std::streambuf* out, unsigned char c) {
    static const char* digits = "0123456789abcdef";
    const char text[4] = {'\\', 'x', digits[c >> 4], digits[c & 15]};
    return out->sputn(text, 4) == 4;
}

bool isControl(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; }

}  // namespace

bool TerminalSafeBuffer::put(unsigned char c) {
    if (m_pendingC2) {
        m_pendingC2 = false;
        if (c >= 0x80 && c <= 0x9F) return putHex(m_out, 0xC2) && putHex(m_out, c);
        if (m_out->sputc(char(0xC2)) == traits_type::eof()) return false;
    }
    if (c == 0xC2) {
        m_pendingC2 = true;
        return true;
    }
    if (isControl(c)) return putHex(m_out, c);
    return m_out->sputc(char(c)) != traits_type::eof();
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    return put(static_cast<unsigned char>(traits_type::to_char_type(c))) ? c : traits_type::eof();
}

std::streamsize TerminalSafeBuffer::xsputn(const char* s, std::streamsize n) {
    // Plain runs (the usual case) go on in one call; only special bytes are handled one by one.
    std::streamsize done = 0;
    while (done < n) {
        std::streamsize run = 0;
        while (!m_pendingC2 && done + run < n) {
            auto c = static_cast<unsigned char>(s[done + run]);
            if (isControl(c) || c == 0xC2) break;
            ++run;
        }
        if (run > 0) {
            if (m_out->sputn(s + done, run) != run) return done;
            done += run;
            continue;
        }
        if (!put(static_cast<unsigned char>(s[done]))) return done;
        ++done;
    }
    return done;
}

int TerminalSafeBuffer::sync() {
    if (m_pendingC2) {
        m_pendingC2 = false;
        if (m_out->sputc(char(0xC2)) == traits_type::eof()) return -1;
    }
    return m_out->pubsync();
}

TerminalSafeStream::TerminalSafeStream(std::ostream& stream)
    : m_stream(stream), m_original(stream.rdbuf()), m_buffer(m_original) {
    m_stream.rdbuf(&m_buffer);
}

TerminalSafeStream::~TerminalSafeStream() {
    m_stream.flush();
    m_stream.rdbuf(m_original);
}

}  // namespace kiln::cli
