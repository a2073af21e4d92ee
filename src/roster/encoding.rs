//! Which encoding a roster file is in: one for the whole file, found from its bytes, or the
//! place where the file stops being readable. See docs/roster.md, "文件格式".

use std::borrow::Cow;

/// Which text encoding the file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gbk,
    /// "Unicode text" as Excel saves it, always with a byte-order mark.
    Utf16,
}

/// Why the bytes are not text in one encoding.
#[derive(Debug, Clone, PartialEq)]
pub enum EncodingProblem {
    /// This byte cannot stand here in the file's encoding.
    InvalidByte { encoding: Encoding, byte: u8 },
    /// The file is GBK (its first lines are), but this line is UTF-8: two files pasted together.
    Utf8LineInGbk,
    /// NUL bytes between the characters: UTF-16 saved without its byte-order mark.
    Utf16WithoutBom,
}

/// Where the bytes stop being text: a byte offset into the file.
#[derive(Debug, Clone, PartialEq)]
pub struct BadBytes {
    pub offset: usize,
    pub problem: EncodingProblem,
}

/// Decodes the whole file in one encoding: UTF-8 (a BOM at the start is dropped) when it is
/// UTF-8, UTF-16 when it starts with that BOM, else GBK as Excel in China saves it (read as
/// GB18030, its superset). Nothing is replaced: a byte that is not text in the file's encoding,
/// or a UTF-8 line in a GBK file, is an error with its place, never a U+FFFD or a garbled name.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), BadBytes> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest)
            .map(|t| (t.into(), Encoding::Utf8))
            .map_err(|mut e| {
                e.offset += 3;
                e
            });
    }
    for (bom, utf16) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE),
        (b"\xFE\xFF", encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return strict(utf16, Encoding::Utf16, rest)
                .map(|t| (t.into(), Encoding::Utf16))
                .map_err(|mut e| {
                    e.offset += 2;
                    e
                });
        }
    }
    if looks_like_utf16(bytes) {
        return Err(BadBytes {
            offset: 0,
            problem: EncodingProblem::Utf16WithoutBom,
        });
    }
    match std::str::from_utf8(bytes) {
        // Borrowed: a UTF-8 file of a million rows is not copied.
        Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        // Chinese text before the first bad byte was UTF-8: the file is UTF-8, broken here.
        Err(e) if !bytes[..e.valid_up_to()].is_ascii() => Err(invalid_utf8(bytes, e)),
        Err(_) => gbk(bytes).map(|t| (t.into(), Encoding::Gbk)),
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, BadBytes> {
    std::str::from_utf8(bytes).map_err(|e| invalid_utf8(bytes, e))
}

fn invalid_utf8(bytes: &[u8], e: std::str::Utf8Error) -> BadBytes {
    let offset = e.valid_up_to();
    BadBytes {
        offset,
        problem: EncodingProblem::InvalidByte {
            encoding: Encoding::Utf8,
            byte: bytes.get(offset).copied().unwrap_or(0),
        },
    }
}

/// `bytes` in `encoding`, or the offset of the first byte that is not text in it.
fn strict(
    encoding: &'static encoding_rs::Encoding,
    which: Encoding,
    bytes: &[u8],
) -> Result<String, BadBytes> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut done = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[done..], &mut text, true);
        done += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(text),
            encoding_rs::DecoderResult::OutputFull => text.reserve(bytes.len() - done + 16),
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                let offset = done.saturating_sub(usize::from(after) + usize::from(bad));
                return Err(BadBytes {
                    offset,
                    problem: EncodingProblem::InvalidByte {
                        encoding: which,
                        byte: bytes.get(offset).copied().unwrap_or(0),
                    },
                });
            }
        }
    }
}

/// GBK without replacement; then no line may be UTF-8 Chinese, which GBK would read as
/// mojibake without complaint (a line of real GBK Chinese is practically never valid UTF-8).
fn gbk(bytes: &[u8]) -> Result<String, BadBytes> {
    let text = strict(encoding_rs::GB18030, Encoding::Gbk, bytes).map_err(|bad| {
        // The byte GBK cannot read may begin a UTF-8 character: say the line is UTF-8.
        let start = bytes[..bad.offset]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[bad.offset..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |i| bad.offset + i);
        let line = &bytes[start..end];
        if !line.is_ascii() && std::str::from_utf8(line).is_ok() {
            BadBytes {
                offset: start,
                problem: EncodingProblem::Utf8LineInGbk,
            }
        } else {
            bad
        }
    })?;
    let mut start = 0;
    for line in bytes.split(|b| *b == b'\n') {
        if !line.is_ascii() && std::str::from_utf8(line).is_ok() {
            return Err(BadBytes {
                offset: start,
                problem: EncodingProblem::Utf8LineInGbk,
            });
        }
        start += line.len() + 1;
    }
    Ok(text)
}

/// UTF-16 of a CSV has a NUL beside every comma, digit and line break, all on the same side
/// of their pairs; UTF-8 and GBK text has none (a stray NUL is refused later as a control
/// character, with its line).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in head.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    even + odd >= 4 && even.max(odd) * 10 >= (even + odd) * 9
}

/// The 1-based line of byte `offset`, and which field of that line (0-based) it falls in:
/// commas outside double quotes counted from the start of the line. Commas and quotes are the
/// same single bytes in UTF-8 and GBK, and never part of a GBK character.
pub fn locate(bytes: &[u8], offset: usize) -> (u64, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let mut quoted = false;
    let mut field = 0;
    for b in &bytes[line_start..offset] {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => field += 1,
            _ => {}
        }
    }
    (line, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_encoding_per_file() {
        let (gbk_bytes, _, _) = encoding_rs::GBK.encode("名称,类型\n海之味,餐馆\n");
        assert_eq!(decode(&gbk_bytes).map(|d| d.1), Ok(Encoding::Gbk));
        let mut mixed = "名称,类型\n".as_bytes().to_vec();
        mixed.extend_from_slice(&gbk_bytes[gbk_bytes.len() - 11..]);
        let e = decode(&mixed).expect_err("mixed");
        assert_eq!(locate(&mixed, e.offset).0, 2);
        let mut mixed = gbk_bytes.to_vec();
        mixed.extend_from_slice("甲,餐馆\n".as_bytes());
        let e = decode(&mixed).expect_err("mixed");
        assert_eq!(e.problem, EncodingProblem::Utf8LineInGbk);
        assert_eq!(locate(&mixed, e.offset).0, 3);
    }

    #[test]
    fn locate_counts_lines_and_unquoted_commas() {
        let bytes = b"a,b\n\"x,y\",z,\xff";
        assert_eq!(locate(bytes, bytes.len() - 1), (2, 2));
    }
}
