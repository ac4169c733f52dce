#include <catch2/catch.hpp>

#include "core/store/sha256.h"

using kiln::Sha256;

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[sha256]") {
    CHECK(Sha256::hashHex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(Sha256::hashHex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(Sha256::hashHex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(Sha256::hashHex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 fed in uneven pieces equals the one-shot hash", "[sha256]") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += char('a' + i % 26);
    for (std::size_t piece : {1u, 7u, 63u, 64u, 65u, 1000u}) {
        Sha256 hasher;
        for (std::size_t at = 0; at < text.size(); at += piece)
            hasher.update(std::string_view(text).substr(at, piece));
        CHECK(hasher.hexDigest() == Sha256::hashHex(text));
    }
}
