// The sanitizers' defaults in a sanitizer build (KILN_SANITIZE, make test-asan), compiled into
// every executable, so that a worker started over SSH or by another Kiln process runs with the
// same settings as the test that started it. Not part of ordinary builds.

extern "C" {

// Any report ends the process with a failure; leaks are reported at exit.
const char* __asan_default_options() {
    return "detect_leaks=1:abort_on_error=0:allocator_may_return_null=1:detect_stack_use_after_return=0";
}

const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

// Leaks in libraries Kiln does not build (caches they keep for the life of the process).
const char* __lsan_default_suppressions() { return ""; }

}
