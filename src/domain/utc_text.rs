//! A UTC time written as chrono writes it (`2025-03-04T05:06:07.250Z`), without `fmt`.
//!
//! Every answer of every record carries a time, so a district year's export writes close to a
//! million of them; chrono writes each char by char through `fmt` (issue 20, BENCHMARKS.md).
//! These write the same bytes from a stack buffer: signatures and entry hashes are of those
//! bytes, so they must not change (`tests` below compares with chrono's own on many times).
//! Reading takes the same shortcut for the one shape shian writes and leaves the rest, and every
//! error, to chrono.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};
use serde::{Deserializer, Serializer, de};

/// For `#[serde(serialize_with = "...")]` on a `DateTime<Utc>`.
pub fn serialize<S: Serializer>(time: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 30];
    match write(time, &mut buf, false) {
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

/// For `#[serde(deserialize_with = "...")]` on a `DateTime<Utc>`: chrono's reading, with the
/// text shian writes (`2025-03-04T05:06:07.250Z`) read without chrono's general parser, a
/// million times in a district year's import. Anything else, and any error, is chrono's own.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    deserializer.deserialize_str(Visitor)
}

struct Visitor;

impl de::Visitor<'_> for Visitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        // chrono's words, so that a wrong record is told as before.
        formatter.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<DateTime<Utc>, E> {
        match read(value.as_bytes()) {
            Some(time) => Ok(time),
            None => value
                .parse::<DateTime<FixedOffset>>()
                .map(|t| t.with_timezone(&Utc))
                .map_err(E::custom),
        }
    }
}

/// The time of `text` when it has the one shape shian writes, read as chrono's
/// `DateTime::parse_from_rfc3339` would read it; `None` for anything else, for chrono.
pub fn quick_parse(text: &str) -> Option<DateTime<Utc>> {
    read(text.as_bytes())
}

/// `YYYY-MM-DDTHH:MM:SS` with no fraction or one of 3, 6 or 9 digits, then `Z`; `None` for
/// any other text or a date or time that does not exist (a leap second too), which chrono
/// then reads or refuses.
fn read(text: &[u8]) -> Option<DateTime<Utc>> {
    let digits = |at: usize, n: usize| -> Option<u32> {
        let part = text.get(at..at + n)?;
        part.iter().try_fold(0u32, |v, &b| {
            b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
        })
    };
    let punctuation = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if text.len() < 20 || punctuation.iter().any(|&(at, c)| text[at] != c) {
        return None;
    }
    let nano = match text.len() {
        20 => 0,
        24 | 27 | 30 if text[19] == b'.' => {
            let n = text.len() - 21;
            digits(20, n)? * 10u32.pow(9 - n as u32)
        }
        _ => return None,
    };
    if *text.last()? != b'Z' {
        return None;
    }
    let (second, date) = (digits(17, 2)?, digits(0, 4)?);
    if second > 59 {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(date as i32, digits(5, 2)?, digits(8, 2)?)?;
    Some(
        day.and_hms_nano_opt(digits(11, 2)?, digits(14, 2)?, second, nano)?
            .and_utc(),
    )
}

struct Text<'a>(&'a DateTime<Utc>);

impl serde::Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, serializer)
    }
}

/// `time.to_rfc3339_opts(SecondsFormat::Millis, true)`, as the store keeps times: a million
/// of them written in a district year's import.
pub fn millis(time: &DateTime<Utc>) -> String {
    let mut buf = [0u8; 30];
    match write(time, &mut buf, true) {
        Some(text) => text.to_string(),
        None => time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    }
}

/// chrono's RFC 3339 text of `time` (seconds as "AutoSi", or with `millis` always three
/// digits of them; `Z` for UTC) in `buf`, or `None` for a year outside 0–9999, which is left to
/// chrono.
fn write<'b>(time: &DateTime<Utc>, buf: &'b mut [u8; 30], millis: bool) -> Option<&'b str> {
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
    let (fraction, digits) = if millis {
        (nano / 1_000_000, 3)
    } else if nano == 0 {
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
    use serde::{Deserialize, Serialize};

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

    fn same_millis(at: DateTime<Utc>) {
        let chronos = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        assert_eq!(millis(&at), chronos);
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
            same_millis(at(base + extra));
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
        same_millis(leap);
        for year in [0, 1, 999, 9999, 10000, -1, -44, 262_000] {
            let t = NaiveDate::from_ymd_opt(year, 2, 28)
                .and_then(|d| d.and_hms_milli_opt(1, 2, 3, 4))
                .expect("date")
                .and_utc();
            same(t, Some(t));
            same_millis(t);
        }
    }

    proptest! {
        #[test]
        fn any_time_is_written_as_chrono_writes_it(nanos in any::<i64>()) {
            same(at(nanos), Some(at(nanos / 7)));
            same_millis(at(nanos));
        }

        #[test]
        fn any_time_written_is_read_as_chrono_reads_it(nanos in any::<i64>()) {
            let text = serde_json::to_string(&Chrono { at: at(nanos), maybe: None }).expect("json");
            read_alike(&text[7..text.find(",").expect("comma") - 1]);
        }

        #[test]
        fn any_text_is_read_or_refused_as_chrono_does(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,10})?([Zz]|[+-][0-9]{2}:?[0-9]{2})?") {
            read_alike(&text);
        }
    }

    #[derive(Deserialize)]
    struct Read {
        #[serde(deserialize_with = "deserialize")]
        at: DateTime<Utc>,
    }

    #[derive(Deserialize)]
    struct ReadByChrono {
        at: DateTime<Utc>,
    }

    /// `text` read as a time: the same time as chrono's, or the same error.
    fn read_alike(text: &str) {
        let json = format!("{{\"at\": {}}}", serde_json::to_string(text).expect("text"));
        let ours = serde_json::from_str::<Read>(&json).map(|r| r.at);
        let chronos = serde_json::from_str::<ReadByChrono>(&json).map(|r| r.at);
        if let Some(quick) = quick_parse(text) {
            let strict = DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc));
            assert_eq!(strict, Ok(quick), "{text}");
        }
        match (ours, chronos) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text}"),
            (a, b) => panic!("{text}: {a:?} against {b:?}"),
        }
    }

    #[test]
    fn texts_near_the_shortcut_are_read_as_chrono_reads_them() {
        for text in [
            "2025-03-04T05:06:07.250Z",
            "2025-03-04T05:06:07Z",
            "2025-03-04T05:06:07.250123Z",
            "2025-03-04T05:06:07.250123456Z",
            "2025-03-04T05:06:07.2Z",
            "2025-03-04T05:06:07.2501Z",
            "2025-03-04T05:06:07.250z",
            "2025-03-04t05:06:07.250Z",
            "2025-03-04 05:06:07.250Z",
            "2025-03-04T05:06:07.250+08:00",
            "2025-03-04T05:06:07.250",
            "2025-02-29T05:06:07.250Z",
            "2024-02-29T05:06:07.250Z",
            "2025-13-04T05:06:07.250Z",
            "2025-03-04T24:06:07.250Z",
            "2025-03-04T05:60:07.250Z",
            "2016-12-31T23:59:60.250Z",
            "2025-03-04T05:06:61Z",
            "0000-01-01T00:00:00Z",
            "+12025-03-04T05:06:07Z",
            "-0001-03-04T05:06:07Z",
            "2025-03-04T05:06:07.25 Z",
            "2025-03-04T05:06:07.-50Z",
            "2025-03-04T05:06:07.+50Z",
            "2025-03-04T05:06:0+.250Z",
            "２025-03-04T05:06:07Z",
            "",
            "Z",
        ] {
            read_alike(text);
        }
        let not_text = serde_json::from_str::<Read>("{\"at\": 5}").map(|r| r.at);
        let chronos = serde_json::from_str::<ReadByChrono>("{\"at\": 5}").map(|r| r.at);
        assert_eq!(
            not_text.expect_err("a number").to_string(),
            chronos.expect_err("a number").to_string()
        );
    }
}
