//! A UTC time written as chrono writes it (`2025-03-04T05:06:07.250Z`), without `fmt`.
//!
//! Every answer of every record carries a time, so a district year's export writes close to a
//! million of them; chrono writes each char by char through `fmt` (issue 20, BENCHMARKS.md).
//! These write the same bytes from a stack buffer: signatures and entry hashes are of those
//! bytes, so they must not change (`tests` below compares with chrono's own on many times).
//! Reading stays chrono's.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::Serializer;

/// For `#[serde(serialize_with = "...")]` on a `DateTime<Utc>`.
pub fn serialize<S: Serializer>(time: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 30];
    match write(time, &mut buf) {
        Some(text) => serializer.serialize_str(text),
        None => serde::Serialize::serialize(time, serializer),
    }
}

/// For `#[serde(serialize_with = "...")]` on an `Option<DateTime<Utc>>`.
pub fn serialize_option<S: Serializer>(
    time: &Option<DateTime<Utc>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match time {
        Some(time) => serializer.serialize_some(&Text(time)),
        None => serializer.serialize_none(),
    }
}

struct Text<'a>(&'a DateTime<Utc>);

impl serde::Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, serializer)
    }
}

/// chrono's RFC 3339 text of `time` (seconds as "AutoSi", `Z` for UTC) in `buf`, or `None` for
/// a year outside 0–9999, which is left to chrono.
fn write<'b>(time: &DateTime<Utc>, buf: &'b mut [u8; 30]) -> Option<&'b str> {
    let naive = time.naive_utc();
    let year = naive.year();
    if !(0..=9999).contains(&year) {
        return None;
    }
    let two = |buf: &mut [u8; 30], at: usize, n: u32| {
        buf[at] = b'0' + (n / 10) as u8;
        buf[at + 1] = b'0' + (n % 10) as u8;
    };
    let year = year as u32;
    two(buf, 0, year / 100);
    two(buf, 2, year % 100);
    buf[4] = b'-';
    two(buf, 5, naive.month());
    buf[7] = b'-';
    two(buf, 8, naive.day());
    buf[10] = b'T';
    let mut second = naive.second();
    let mut nano = naive.nanosecond();
    // A leap second is kept as second 60.
    if nano >= 1_000_000_000 {
        second += 1;
        nano -= 1_000_000_000;
    }
    two(buf, 11, naive.hour());
    buf[13] = b':';
    two(buf, 14, naive.minute());
    buf[16] = b':';
    two(buf, 17, second);
    let mut end = 19;
    let (fraction, digits) = if nano == 0 {
        (0, 0)
    } else if nano.is_multiple_of(1_000_000) {
        (nano / 1_000_000, 3)
    } else if nano.is_multiple_of(1_000) {
        (nano / 1_000, 6)
    } else {
        (nano, 9)
    };
    if digits > 0 {
        buf[end] = b'.';
        let mut rest = fraction;
        for at in (end + 1..=end + digits).rev() {
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        end += digits + 1;
    }
    buf[end] = b'Z';
    std::str::from_utf8(&buf[..=end]).ok()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};
    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    struct Ours {
        #[serde(serialize_with = "serialize")]
        at: DateTime<Utc>,
        #[serde(serialize_with = "serialize_option")]
        maybe: Option<DateTime<Utc>>,
    }

    #[derive(Serialize)]
    struct Chrono {
        at: DateTime<Utc>,
        maybe: Option<DateTime<Utc>>,
    }

    fn same(at: DateTime<Utc>, maybe: Option<DateTime<Utc>>) {
        let ours = serde_json::to_string(&Ours { at, maybe }).expect("ours");
        let theirs = serde_json::to_string(&Chrono { at, maybe }).expect("chrono");
        assert_eq!(ours, theirs);
    }

    fn at(nanos: i64) -> DateTime<Utc> {
        Utc.timestamp_nanos(nanos)
    }

    #[test]
    fn the_text_is_chronos_for_every_precision() {
        let base = 1_741_064_767_000_000_000_i64;
        for extra in [
            0,
            250_000_000,
            1_000_000,
            999_000_000,
            123_456_000,
            1_000,
            123_456_789,
            1,
            999_999_999,
        ] {
            same(at(base + extra), None);
            same(at(base), Some(at(base + extra)));
        }
    }

    #[test]
    fn far_years_and_a_leap_second_are_chronos_too() {
        let leap = NaiveDate::from_ymd_opt(2016, 12, 31)
            .and_then(|d| d.and_hms_nano_opt(23, 59, 59, 1_500_000_000))
            .expect("leap second")
            .and_utc();
        same(leap, Some(leap));
        for year in [0, 1, 999, 9999, 10000, -1, -44, 262_000] {
            let t = NaiveDate::from_ymd_opt(year, 2, 28)
                .and_then(|d| d.and_hms_milli_opt(1, 2, 3, 4))
                .expect("date")
                .and_utc();
            same(t, Some(t));
        }
    }

    proptest! {
        #[test]
        fn any_time_is_written_as_chrono_writes_it(nanos in any::<i64>()) {
            same(at(nanos), Some(at(nanos / 7)));
        }
    }
}
