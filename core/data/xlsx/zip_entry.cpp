#include "core/data/xlsx/zip_entry.h"

#include <minizip/unzip.h>

namespace kiln {

ZipEntryReader::~ZipEntryReader() {
    close();
}

void ZipEntryReader::close() {
    if (!m_zip) return;
    if (m_entryOpen) unzCloseCurrentFile(m_zip);
    unzClose(m_zip);
    m_zip = nullptr;
    m_entryOpen = false;
}

Status ZipEntryReader::open(const std::filesystem::path& archive, const std::string& entry) {
    close();
    m_context = archive.string() + ", " + entry;
    m_zip = unzOpen64(archive.string().c_str());
    if (!m_zip)
        return makeError(ErrorCode::InvalidArgument,
                         "not a readable zip archive (damaged, or not an .xlsx workbook)",
                         archive.string());
    if (unzLocateFile(m_zip, entry.c_str(), 1) != UNZ_OK)
        return makeError(ErrorCode::NotFound, "the archive has no member " + entry,
                         archive.string());
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK ||
        unzOpenCurrentFile(m_zip) != UNZ_OK)
        return makeError(ErrorCode::InvalidArgument, "damaged zip member (cannot be opened)",
                         m_context);
    m_size = info.uncompressed_size;
    m_entryOpen = true;
    return {};
}

Result<std::size_t> ZipEntryReader::read(char* buffer, std::size_t size) {
    if (!m_entryOpen) return std::size_t(0);
    const int got =
        unzReadCurrentFile(m_zip, buffer, unsigned(std::min<std::size_t>(size, 1u << 30)));
    if (got < 0)
        return makeError(ErrorCode::InvalidArgument, "damaged zip member (bad compressed data)",
                         m_context);
    if (got == 0) {
        m_entryOpen = false;
        if (unzCloseCurrentFile(m_zip) == UNZ_CRCERROR)
            return makeError(ErrorCode::InvalidArgument, "damaged zip member (checksum mismatch)",
                             m_context);
    }
    return std::size_t(got);
}

}  // namespace kiln
