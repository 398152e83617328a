//! Files: safe names for downloads and uploads, upload checks, sizes.

use crate::UploadLimits;

/// A file name that is safe to save: no directory part, no control or bidi-override characters,
/// no characters Windows forbids, not empty, at most 180 characters (keeping the extension).
pub fn safe_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_invisible(*c))
        .map(|c| {
            if matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    // Windows drops trailing dots and spaces; a leading dot hides the file on Unix
    let edge = |c: char| c == '.' || c.is_whitespace();
    let trimmed = cleaned.trim_matches(edge);
    if trimmed.is_empty() {
        return "arquivo".to_string();
    }
    truncate_keeping_extension(trimmed, 180)
        .trim_end_matches(edge)
        .to_string()
}

/// Bidi overrides and zero-width characters: they make a name read differently than it is
/// ("fatura\u{202E}fdp.exe").
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn truncate_keeping_extension(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let ext = name
        .rfind('.')
        .map(|i| &name[i..])
        .filter(|e| e.chars().count() <= 16)
        .unwrap_or("");
    let keep = max - ext.chars().count();
    let stem: String = name.chars().take(keep).collect();
    format!("{stem}{ext}")
}

/// A size as people read it: `512 bytes`, `12,3 KB`, `4,5 MB`, `1,2 GB` (1 KB = 1024 bytes, one
/// decimal after `decimal_mark`: `,` in pt-BR, `.` in English).
pub fn size(bytes: u64, decimal_mark: char) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let tenths = (value * 10.0).round() as u64;
    format!("{}{decimal_mark}{} {}", tenths / 10, tenths % 10, UNITS[unit])
}

/// A MIME type as users know it: `PDF`, `PNG`, `DOCX`…; an unknown one by its subtype.
pub fn type_label(mime: &str) -> String {
    let m = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let known = match m.as_str() {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        "image/gif" => "GIF",
        "image/webp" => "WEBP",
        "text/plain" => "TXT",
        "text/csv" => "CSV",
        "application/msword" => "DOC",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "application/vnd.ms-excel" => "XLS",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
        "application/zip" => "ZIP",
        "audio/mpeg" => "MP3",
        "audio/ogg" => "OGG",
        "video/mp4" => "MP4",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    m.rsplit('/')
        .next()
        .unwrap_or("")
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Why an upload is refused before it is sent (and again by the server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadRefusal {
    Empty,
    TooLarge {
        size: u64,
        max: u64,
    },
    TypeNotAllowed {
        mime: String,
    },
    /// The case's attachment quota leaves `remaining` bytes.
    OverQuota {
        remaining: u64,
    },
}

pub fn check_upload(size: u64, mime: &str, limits: &UploadLimits) -> Result<(), UploadRefusal> {
    let mime = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if size == 0 {
        Err(UploadRefusal::Empty)
    } else if size > limits.max_bytes {
        Err(UploadRefusal::TooLarge {
            size,
            max: limits.max_bytes,
        })
    } else if !limits.allowed_types.iter().any(|t| t.eq_ignore_ascii_case(&mime)) {
        Err(UploadRefusal::TypeNotAllowed { mime })
    } else if let Some(remaining) = limits
        .case_quota_bytes
        .map(|q| q.saturating_sub(limits.case_used_bytes))
        .filter(|&r| size > r)
    {
        Err(UploadRefusal::OverQuota { remaining })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_labels() {
        assert_eq!(type_label("application/pdf"), "PDF");
        assert_eq!(type_label("IMAGE/JPEG; q=1"), "JPG");
        assert_eq!(type_label("application/x-custom"), "X-CUSTOM");
        assert_eq!(type_label(""), "");
    }

    #[test]
    fn sizes_in_pt_br() {
        assert_eq!(size(0, ','), "0 bytes");
        assert_eq!(size(1, ','), "1 byte");
        assert_eq!(size(1023, ','), "1023 bytes");
        assert_eq!(size(1024, ','), "1,0 KB");
        assert_eq!(size(12_595, ','), "12,3 KB");
        assert_eq!(size(4_718_592, ','), "4,5 MB");
        assert_eq!(size(10 * 1024 * 1024, ','), "10,0 MB");
        assert_eq!(size(u64::MAX, ','), "17179869184,0 GB");
        assert_eq!(size(12_595, '.'), "12.3 KB", "English");
    }

    #[test]
    fn names_lose_paths_controls_and_tricks() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Users\\x\\nota.pdf"), "nota.pdf");
        assert_eq!(safe_file_name("fatura\u{202E}fdp.exe"), "faturafdp.exe");
        assert_eq!(safe_file_name("a\u{0}b\nc.txt"), "abc.txt");
        assert_eq!(safe_file_name("re: \"oi\"?.txt"), "re_ _oi__.txt");
        assert_eq!(safe_file_name("..."), "arquivo");
        assert_eq!(safe_file_name(".bashrc"), "bashrc");
        assert_eq!(safe_file_name("relatório final.pdf"), "relatório final.pdf");
        let long = format!("{}.pdf", "a".repeat(500));
        let s = safe_file_name(&long);
        assert_eq!(s.chars().count(), 180);
        assert!(s.ends_with(".pdf"));
    }

    #[test]
    fn uploads_are_checked_for_size_and_type() {
        let mut limits = UploadLimits {
            max_bytes: 100,
            allowed_types: vec!["image/png".into(), "application/pdf".into()],
            case_quota_bytes: None,
            case_used_bytes: 0,
        };
        assert_eq!(check_upload(10, "image/PNG", &limits), Ok(()));
        assert_eq!(check_upload(10, "application/pdf; charset=binary", &limits), Ok(()));
        assert_eq!(check_upload(0, "image/png", &limits), Err(UploadRefusal::Empty));
        assert_eq!(
            check_upload(101, "image/png", &limits),
            Err(UploadRefusal::TooLarge { size: 101, max: 100 })
        );
        assert_eq!(
            check_upload(10, "application/x-msdownload", &limits),
            Err(UploadRefusal::TypeNotAllowed {
                mime: "application/x-msdownload".into()
            })
        );
        // the case's quota: what is already there counts, exactly filling it is allowed
        limits.case_quota_bytes = Some(250);
        limits.case_used_bytes = 180;
        assert_eq!(check_upload(70, "image/png", &limits), Ok(()));
        assert_eq!(
            check_upload(71, "image/png", &limits),
            Err(UploadRefusal::OverQuota { remaining: 70 })
        );
        limits.case_used_bytes = 300;
        assert_eq!(
            check_upload(1, "image/png", &limits),
            Err(UploadRefusal::OverQuota { remaining: 0 })
        );
    }
}
