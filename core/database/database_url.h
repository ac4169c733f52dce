#pragma once

#include <string>

// Reading the URLs core/database accepts (database_import.h): which client, the SQLite file, the
// password to keep out of every message.
namespace kiln {

// The file a SQLite URL names: "sqlite:PATH", "sqlite:///ABS/PATH" or a plain path.
std::string sqlitePathFromUrl(const std::string& url);

// The password a PostgreSQL URL or conninfo string carries ("" when none), so that messages can
// be cleaned of it.
std::string passwordInUrl(const std::string& url);

// `text` with `url` shown redacted and its password, decoded or as written, as "***".
std::string withoutUrlSecrets(std::string text, const std::string& url);

// `text` with every occurrence of `secret` replaced by "***" (nothing when `secret` is empty).
std::string withoutSecret(std::string text, const std::string& secret);

}  // namespace kiln
