//! "Baixar selecionados" writes a zip: read it back, field by field (every local header, the
//! central directory, the end record: names, offsets, sizes, CRCs), and have a standard unzip
//! (Python's `zipfile`) extract the same bytes. Break an offset, a size or a CRC in `zip::store`
//! and this fails.

use cvortex_domain::zip::{crc32, store, unique_names};

fn u16_at(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// The entries as the central directory describes them: (name, offset of the local header,
/// size, crc), after checking that the local header says the same.
fn read_back(zip: &[u8]) -> Vec<(String, usize, usize, u32)> {
    let end = zip.len() - 22;
    assert_eq!(u32_at(zip, end), 0x0605_4b50, "end of central directory record");
    let count = u16_at(zip, end + 10);
    let dir_size = u32_at(zip, end + 12) as usize;
    let dir_at = u32_at(zip, end + 16) as usize;
    assert_eq!(dir_at + dir_size, end, "the directory ends where the end record starts");
    let mut at = dir_at;
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(zip, at), 0x0201_4b50, "central directory header at {at}");
        assert_eq!(u16_at(zip, at + 10), 0, "stored, no compression");
        let crc = u32_at(zip, at + 16);
        let size = u32_at(zip, at + 20) as usize;
        assert_eq!(u32_at(zip, at + 24) as usize, size, "stored: the same size both ways");
        let name_len = u16_at(zip, at + 28);
        let extra = u16_at(zip, at + 30);
        let comment = u16_at(zip, at + 32);
        let local = u32_at(zip, at + 42) as usize;
        let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
        // the local header agrees
        assert_eq!(u32_at(zip, local), 0x0403_4b50, "local header of {name}");
        assert_eq!(u32_at(zip, local + 14), crc, "{name}: crc");
        assert_eq!(u32_at(zip, local + 18) as usize, size, "{name}: size");
        let local_name_len = u16_at(zip, local + 26);
        let local_extra = u16_at(zip, local + 28);
        assert_eq!(&zip[local + 30..local + 30 + local_name_len], name.as_bytes());
        let data_at = local + 30 + local_name_len + local_extra;
        assert_eq!(
            crc32(&zip[data_at..data_at + size]),
            crc,
            "{name}: the bytes match their crc"
        );
        out.push((name, local, size, crc));
        at += 46 + name_len + extra + comment;
    }
    out
}

fn files() -> Vec<(String, Vec<u8>)> {
    let names = ["fatura.pdf", "image.jpeg", "image.jpeg", "vazio.txt", "ação ü.png"];
    let unique = unique_names(names.iter().copied());
    unique
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let bytes: Vec<u8> = if i == 3 {
                Vec::new()
            } else {
                (0..(1_000 * (i + 1))).map(|j| (j * 31 + i) as u8).collect()
            };
            (n, bytes)
        })
        .collect()
}

#[test]
fn every_entry_reads_back_with_its_name_offset_size_and_crc() {
    let files = files();
    let zip = store(&files).unwrap();
    let entries = read_back(&zip);
    assert_eq!(entries.len(), files.len());
    let mut last_offset = None;
    for ((name, offset, size, crc), (want_name, bytes)) in entries.iter().zip(&files) {
        assert_eq!(name, want_name);
        assert_eq!(*size, bytes.len());
        assert_eq!(*crc, crc32(bytes));
        assert!(last_offset.is_none_or(|o| o < *offset), "entries in order");
        last_offset = Some(*offset);
    }
    assert_eq!(entries[2].0, "image (2).jpeg");
}

#[test]
fn a_standard_unzip_extracts_the_same_bytes() {
    let files = files();
    let dir = std::env::temp_dir().join(format!("cvortex-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("anexos.zip");
    std::fs::write(&path, store(&files).unwrap()).unwrap();
    // Python's zipfile checks every CRC as it reads (testzip) and prints each entry's bytes as hex
    let script = r#"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
assert bad is None, bad
for i in z.infolist():
    print(i.filename + "\t" + z.read(i).hex())
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 is on the machine");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let got: Vec<(String, String)> = text
        .lines()
        .map(|l| {
            let (n, h) = l.split_once('\t').unwrap();
            (n.to_string(), h.to_string())
        })
        .collect();
    let want: Vec<(String, String)> = files
        .iter()
        .map(|(n, b)| (n.clone(), b.iter().map(|x| format!("{x:02x}")).collect()))
        .collect();
    assert_eq!(got, want);
    let _ = std::fs::remove_dir_all(&dir);
}
