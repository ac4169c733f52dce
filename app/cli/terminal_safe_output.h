#pragma once

#include <ostream>
#include <streambuf>

namespace kiln::cli {

// A stream buffer in front of another that writes control characters (ESC, CR, backspace, DEL,
// the C1 range U+0080–U+009F…) as the text \xNN, keeping newlines and tabs: names, column
// headers, file names and messages that came from outside cannot move the cursor, clear the
// screen or recolour a terminal. Every write goes straight on to the wrapped buffer, so its
// order against C stdio output is kept. Not thread-safe beyond what the wrapped buffer is.
class TerminalSafeBuffer : public std::streambuf {
public:
    explicit TerminalSafeBuffer(std::streambuf* out) : m_out(out) {}

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    bool put(unsigned char c);

    std::streambuf* m_out;
    bool m_pendingC2 = false;  // a 0xC2 lead byte whose next byte decides (C1 control or text)
};

// Puts a TerminalSafeBuffer in front of `stream` for the lifetime of this object.
class TerminalSafeStream {
public:
    explicit TerminalSafeStream(std::ostream& stream);
    ~TerminalSafeStream();
    TerminalSafeStream(const TerminalSafeStream&) = delete;
    TerminalSafeStream& operator=(const TerminalSafeStream&) = delete;

private:
    std::ostream& m_stream;
    std::streambuf* m_original;
    TerminalSafeBuffer m_buffer;
};

}  // namespace kiln::cli
