#include "parquet_test_writer.h"

namespace kiln::test {

void ThriftWriter::varint(std::uint64_t v) {
    while (v >= 0x80) m_out += char((v & 0x7f) | 0x80), v >>= 7;
    m_out += char(v);
}

void ThriftWriter::field(int id, int type) {
    const int delta = id - m_last.back();
    if (delta > 0 && delta < 16)
        m_out += char(delta << 4 | type);
    else
        m_out += char(type), zigzag(id);
    m_last.back() = id;
}

void ThriftWriter::i32(int id, std::int32_t v) {
    field(id, 5), zigzag(v);
}
void ThriftWriter::i64(int id, std::int64_t v) {
    field(id, 6), zigzag(v);
}
void ThriftWriter::string(int id, const std::string& v) {
    field(id, 8), varint(v.size()), m_out += v;
}
void ThriftWriter::boolean(int id, bool v) {
    field(id, v ? 1 : 2);
}
void ThriftWriter::beginStruct(int id) {
    field(id, 12), m_last.push_back(0);
}
void ThriftWriter::beginListStruct() {
    m_last.push_back(0);
}
void ThriftWriter::endStruct() {
    m_out += char(0), m_last.pop_back();
}

void ThriftWriter::listHeader(int id, int elementType, std::size_t count) {
    field(id, 9);
    if (count < 15)
        m_out += char(count << 4 | elementType);
    else
        m_out += char(0xf0 | elementType), varint(count);
}

namespace {

std::string pageHeader(const TestPage& page) {
    ThriftWriter w;
    const std::int32_t uncompressed =
        page.uncompressedSize >= 0 ? page.uncompressedSize : std::int32_t(page.body.size());
    w.i32(1, page.type);
    w.i32(2, uncompressed);
    w.i32(3, std::int32_t(page.body.size()));
    if (page.type == 0) {
        w.beginStruct(5);
        w.i32(1, page.numValues), w.i32(2, page.encoding), w.i32(3, 3), w.i32(4, 3);
        w.endStruct();
    } else if (page.type == 2) {
        w.beginStruct(7);
        w.i32(1, page.numValues), w.i32(2, page.encoding);
        w.endStruct();
    } else {
        w.beginStruct(8);
        w.i32(1, page.numValues), w.i32(2, page.numNulls), w.i32(3, page.numValues),
            w.i32(4, page.encoding);
        w.i32(5, page.defLength), w.i32(6, 0), w.boolean(7, page.compressed);
        w.endStruct();
    }
    w.endStruct();
    return w.bytes();
}

void schemaElement(ThriftWriter& w, const TestColumn& c) {
    w.beginListStruct();
    w.i32(1, c.physical);
    if (c.typeLength) w.i32(2, c.typeLength);
    w.i32(3, c.repetition);
    w.string(4, c.name);
    if (c.converted >= 0) w.i32(6, c.converted);
    if (c.precision) w.i32(7, c.scale), w.i32(8, c.precision);
    if (c.logical) {
        w.beginStruct(10);
        c.logical(w);
        w.endStruct();
    }
    w.endStruct();
}

}  // namespace

std::string buildParquet(const std::vector<TestColumn>& columns, std::int64_t rows) {
    std::string file = "PAR1";
    struct Placed {
        std::int64_t start, size, dictionary;
    };
    std::vector<Placed> placed;
    for (const auto& c : columns) {
        Placed p{std::int64_t(file.size()), 0, -1};
        std::int64_t dataStart = -1;
        for (const auto& page : c.pages) {
            if (page.type == 2 && p.dictionary < 0)
                p.dictionary = std::int64_t(file.size());
            else if (page.type != 2 && dataStart < 0)
                dataStart = std::int64_t(file.size());
            file += pageHeader(page) + page.body;
        }
        p.size = std::int64_t(file.size()) - p.start;
        p.start = dataStart < 0 ? p.start : dataStart;
        placed.push_back(p);
    }
    ThriftWriter w;
    w.i32(1, 1);
    w.listHeader(2, 12, columns.size() + 1);
    w.beginListStruct();
    w.string(4, "schema"), w.i32(5, std::int32_t(columns.size()));
    w.endStruct();
    for (const auto& c : columns) schemaElement(w, c);
    w.i64(3, rows);
    w.listHeader(4, 12, 1);
    w.beginListStruct();
    w.listHeader(1, 12, columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        w.beginListStruct();
        w.i64(2, placed[i].start);
        w.beginStruct(3);
        w.i32(1, c.physical);
        w.listHeader(2, 5, 1), w.zigzag(0);
        w.listHeader(3, 8, 1), w.varint(c.name.size()), w.raw(c.name);
        w.i32(4, c.codec);
        w.i64(5, rows);
        w.i64(6, placed[i].size), w.i64(7, placed[i].size);
        w.i64(9, placed[i].start);
        if (placed[i].dictionary >= 0) w.i64(11, placed[i].dictionary);
        w.endStruct();
        w.endStruct();
    }
    w.i64(2, 0), w.i64(3, rows);
    w.endStruct();
    w.string(6, "kiln test writer");
    w.endStruct();
    const std::string footer = w.bytes();
    file += footer + le(std::uint32_t(footer.size())) + "PAR1";
    return file;
}

}  // namespace kiln::test
