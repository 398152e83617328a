//! A zip archive of files kept as they are (the "stored" method): what "baixar selecionados"
//! builds in the browser. Attachments are mostly compressed formats already (PDF, JPEG, PNG), so
//! storing them costs little and needs no compressor in the bundle.

/// CRC-32 (IEEE), as zip requires, over bytes that may come in pieces.
#[derive(Clone, Copy, Debug)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Crc32(!0)
    }
}

impl Crc32 {
    pub fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.0 ^= b as u32;
            for _ in 0..8 {
                self.0 = if self.0 & 1 != 0 {
                    (self.0 >> 1) ^ 0xEDB8_8320
                } else {
                    self.0 >> 1
                };
            }
        }
    }

    pub fn value(self) -> u32 {
        !self.0
    }
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = Crc32::default();
    crc.update(data);
    crc.value()
}

/// Names made unique inside the archive (ignoring ASCII case, as the file systems that unpack it
/// may): a repeated `fatura.pdf` becomes `fatura (2).pdf`. Linear in the number of names: every
/// WhatsApp photo is `image.jpeg`, and thousands of them are a real selection. Each name keeps
/// the next number it would try, so the 3,000th `image.jpeg` does not walk 2,999 taken ones.
pub fn unique_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let mut taken: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for name in names {
        let key = name.to_ascii_lowercase();
        let mut candidate = name.to_string();
        if taken.contains(&key) {
            let n = next.entry(key).or_insert(2);
            loop {
                candidate = match name.rfind('.').filter(|&i| i > 0) {
                    Some(i) => format!("{} ({n}){}", &name[..i], &name[i..]),
                    None => format!("{name} ({n})"),
                };
                *n += 1;
                if !taken.contains(&candidate.to_ascii_lowercase()) {
                    break;
                }
            }
        }
        taken.insert(candidate.to_ascii_lowercase());
        out.push(candidate);
    }
    out
}

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// Why an archive cannot be made.
#[derive(Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Past the classic format's limits (4 GB, 65,535 files).
    TooLarge,
}

/// An archive written piece by piece: each entry's local header (then the caller's bytes, which
/// never pass through here), then the central directory. The browser assembles the pieces as a
/// Blob, so a selection of files is never held twice in memory. Names in UTF-8 (flag bit 11),
/// dated 1980-01-01.
#[derive(Default)]
pub struct ZipWriter {
    /// Where the next entry starts.
    offset: u32,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    /// The local header of a file of `size` bytes whose CRC-32 is `crc`; its bytes follow it.
    pub fn entry(&mut self, name: &str, size: u32, crc: u32) -> Result<Vec<u8>, ZipError> {
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        let header_len = 30 + name_len as u32;
        let end = self
            .offset
            .checked_add(header_len)
            .and_then(|o| o.checked_add(size))
            .ok_or(ZipError::TooLarge)?;
        self.entries = self.entries.checked_add(1).ok_or(ZipError::TooLarge)?;
        // the fields the local header and the central directory share
        let mut common = Vec::with_capacity(26);
        u16le(&mut common, 20); // version needed
        u16le(&mut common, 1 << 11); // UTF-8 names
        u16le(&mut common, 0); // stored
        u16le(&mut common, 0); // time
        u16le(&mut common, 0x0021); // date: 1980-01-01
        u32le(&mut common, crc);
        u32le(&mut common, size);
        u32le(&mut common, size);
        u16le(&mut common, name_len);
        u16le(&mut common, 0); // extra
        let mut local = Vec::with_capacity(header_len as usize);
        u32le(&mut local, 0x0403_4b50);
        local.extend_from_slice(&common);
        local.extend_from_slice(name.as_bytes());
        u32le(&mut self.central, 0x0201_4b50);
        u16le(&mut self.central, 20); // made by
        self.central.extend_from_slice(&common);
        u16le(&mut self.central, 0); // comment
        u16le(&mut self.central, 0); // disk
        u16le(&mut self.central, 0); // internal attributes
        u32le(&mut self.central, 0); // external attributes
        u32le(&mut self.central, self.offset);
        self.central.extend_from_slice(name.as_bytes());
        self.offset = end;
        Ok(local)
    }

    /// The central directory and its end record: the archive's last piece.
    pub fn finish(self) -> Result<Vec<u8>, ZipError> {
        let central_len = u32::try_from(self.central.len()).map_err(|_| ZipError::TooLarge)?;
        self.offset.checked_add(central_len).ok_or(ZipError::TooLarge)?;
        let mut out = self.central;
        u32le(&mut out, 0x0605_4b50);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, self.entries);
        u16le(&mut out, self.entries);
        u32le(&mut out, central_len);
        u32le(&mut out, self.offset);
        u16le(&mut out, 0);
        Ok(out)
    }
}

/// The whole archive of `files` (name, bytes) at once, from the same [`ZipWriter`].
pub fn store(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let mut zip = ZipWriter::default();
    let mut out = Vec::new();
    for (name, data) in files {
        let size = u32::try_from(data.len()).map_err(|_| ZipError::TooLarge)?;
        out.extend(zip.entry(name, size, crc32(data))?);
        out.extend_from_slice(data);
    }
    out.extend(zip.finish()?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_inputs() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn repeated_names_get_a_number() {
        assert_eq!(
            unique_names(["a.pdf", "A.pdf", "a.pdf", "b", "b", ".env", ".env"]),
            vec!["a.pdf", "A (2).pdf", "a (3).pdf", "b", "b (2)", ".env", ".env (2)"]
        );
        // a name that is already some other's number is skipped over, both ways round
        assert_eq!(
            unique_names(["x.pdf", "x (2).pdf", "x.pdf"]),
            vec!["x.pdf", "x (2).pdf", "x (3).pdf"]
        );
        assert_eq!(
            unique_names(["x.pdf", "x.pdf", "x (2).pdf"]),
            vec!["x.pdf", "x (2).pdf", "x (2) (2).pdf"]
        );
    }

    #[test]
    fn three_thousand_photos_of_one_name_are_numbered_in_order() {
        // WhatsApp names every photo image.jpeg (the review's 2,000 took 36 s of main thread)
        let names = unique_names(std::iter::repeat_n("image.jpeg", 3_000));
        assert_eq!(names[0], "image.jpeg");
        assert_eq!(names[1], "image (2).jpeg");
        assert_eq!(names[2_999], "image (3000).jpeg");
        let distinct: std::collections::HashSet<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
        assert_eq!(distinct.len(), 3_000);
    }

    #[test]
    fn the_archive_has_its_entries_and_directory() {
        let files = vec![
            ("olá.txt".to_string(), b"hello".to_vec()),
            ("b.bin".to_string(), vec![0, 1, 2]),
        ];
        let z = store(&files).unwrap();
        assert_eq!(&z[..4], &[0x50, 0x4b, 0x03, 0x04]);
        // end of central directory: two entries, directory right after the data
        let eocd = z.len() - 22;
        assert_eq!(&z[eocd..eocd + 4], &[0x50, 0x4b, 0x05, 0x06]);
        assert_eq!(u16::from_le_bytes([z[eocd + 10], z[eocd + 11]]), 2);
        let dir_at = u32::from_le_bytes(z[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
        assert_eq!(&z[dir_at..dir_at + 4], &[0x50, 0x4b, 0x01, 0x02]);
        // the first entry's data and crc
        let name_len = u16::from_le_bytes([z[26], z[27]]) as usize;
        assert_eq!(&z[30..30 + name_len], "olá.txt".as_bytes());
        assert_eq!(&z[30 + name_len..30 + name_len + 5], b"hello");
        assert_eq!(u32::from_le_bytes(z[14..18].try_into().unwrap()), crc32(b"hello"));
        assert_eq!(store(&[]).unwrap().len(), 22);
    }

    #[test]
    fn a_crc_in_pieces_is_the_crc_of_the_whole() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut crc = Crc32::default();
        for piece in data.chunks(333) {
            crc.update(piece);
        }
        assert_eq!(crc.value(), crc32(&data));
    }

    #[test]
    fn the_archive_past_the_classic_limits_is_refused() {
        let mut zip = ZipWriter::default();
        assert_eq!(zip.entry("big.bin", u32::MAX - 10, 0), Err(ZipError::TooLarge));
        let mut zip = ZipWriter::default();
        zip.entry("a.bin", u32::MAX - 200, 0).unwrap();
        assert_eq!(zip.entry("b.bin", 200, 0), Err(ZipError::TooLarge));
        let mut zip = ZipWriter::default();
        for _ in 0..u16::MAX {
            zip.entry("x", 0, 0).unwrap();
        }
        assert_eq!(zip.entry("x", 0, 0), Err(ZipError::TooLarge));
        assert_eq!(zip.entry(&"n".repeat(70_000), 0, 0), Err(ZipError::TooLarge));
    }
}
