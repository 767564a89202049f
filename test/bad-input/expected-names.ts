// Expected messages of cases-names.ts (derived names, Terraform variable names, Reloader pause period):
// exact messages, reviewed one by one; each names the input the user typed.
export const NAMES_EXPECTED: Readonly<Record<string, string>> = {
  "reloader: pausePeriod zero":
    "[c/reload] pausePeriod: received Duration.ZERO (0s). Allowed: a duration greater than zero (a zero pause resumes the Deployment at once: leave pausePeriod out for no pause). Fix: pass at least Duration.seconds(1).",
  "reloader: pausePeriod sub-second":
    "[c/reload] pausePeriod: received Duration.millis(250) (250ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).",
  "reloader: pausePeriod fractional seconds":
    "[c/reload] pausePeriod: received Duration.millis(2500) (2s500ms). Allowed: a whole number of seconds (the consumer counts in seconds). Fix: pass Duration.seconds(3).",
  "reloader: pausePeriod NaN":
    "[c/reload] pausePeriod: received Duration.minutes(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "reloader: pausePeriod past Go's range":
    "[c/reload] pausePeriod: received Duration.hours(3000000). Allowed: a Go duration: at most 2562047h47m16.854775807s (Go's int64 nanoseconds). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "reloader: pausePeriod a number":
    "[c/reload] pausePeriod: received a number (300). Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).",
  "reloader: pausePeriod on a StatefulSet":
    "[c/reload] pausePeriod: received \"5m\". Allowed: a pause period on a Deployment only (Reloader pauses a Deployment's rollouts; workload \"web\" is a StatefulSet, which cannot be paused). Fix: remove pausePeriod for this workload.",
};
