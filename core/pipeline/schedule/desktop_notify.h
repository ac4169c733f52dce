#pragma once

#include <string>
#include <vector>

namespace kiln {

// How pressing a desktop notification is (the freedesktop urgency hint).
enum class NotifyUrgency { Low, Normal, Critical };

// Shows a desktop notification (freedesktop.org Notifications): through `notify-send` when it is
// on PATH, else `gdbus call … org.freedesktop.Notifications.Notify`. Outside a desktop session
// (a cron job) it finds the user's session bus at /run/user/UID/bus. Never fails its caller:
// returns whether it was shown, and logs a warning (core/base/logger.h) when it could not be.
// KILN_NO_NOTIFY=1 turns it off (false, nothing logged). Blocks up to 10 s. Any thread.
bool notifyDesktop(const std::string& summary, const std::string& body,
                   NotifyUrgency urgency = NotifyUrgency::Normal);

// The gdbus argument list notifyDesktop uses when notify-send is missing (for tests).
std::vector<std::string> gdbusNotifyArgv(const std::string& summary, const std::string& body,
                                         NotifyUrgency urgency);

}  // namespace kiln
