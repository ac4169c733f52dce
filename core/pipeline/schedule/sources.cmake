# Schedules of pipelines on this machine (core/pipeline/schedule), part of kiln_base so the light
# `kiln` front end answers `kiln pipeline schedule|unschedule|list`: systemd calendar events,
# the unit and crontab texts, the installer over systemctl/loginctl/crontab, the listing of next,
# last and missed runs, desktop notifications and the follow-up of a scheduled run.
target_sources(kiln_base PRIVATE
  pipeline/schedule/calendar_parse.cpp
  pipeline/schedule/calendar_spec.cpp
  pipeline/schedule/schedule_time.cpp
  pipeline/schedule/schedule_process.cpp
  pipeline/schedule/schedule_units.cpp
  pipeline/schedule/schedule_record.cpp
  pipeline/schedule/systemd_timer_backend.cpp
  pipeline/schedule/crontab_backend.cpp
  pipeline/schedule/schedule_installer.cpp
  pipeline/schedule/schedule_list.cpp
  pipeline/schedule/desktop_notify.cpp
  pipeline/schedule/scheduled_run.cpp
)
