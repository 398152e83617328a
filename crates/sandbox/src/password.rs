//! Passwords are stored as argon2id PHC strings (`$argon2id$v=19$…`), never in clear. A data set
//! may carry demo passwords in clear: they are hashed when it is loaded; a PHC string is kept.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// A new argon2id hash of `password` (the crate's defaults: 19 MiB, 2 passes) with a random salt.
pub fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("the OS random source is available");
    let salt = SaltString::encode_b64(&salt).expect("16 bytes are a valid salt");
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with its default parameters")
        .to_string()
}

/// What the store keeps for `account`'s `password`. Remembered for the life of the process, so a
/// reload of the same data set (each e2e test resets it) costs no hashing; each account still
/// has its own salt.
pub fn stored(account: &str, password: &str) -> String {
    if password.starts_with("$argon2") {
        return password.to_string();
    }
    static KNOWN: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let key = format!("{account}\n{}", crate::state::sha256_hex(password.as_bytes()));
    let known = KNOWN.get_or_init(Default::default);
    if let Some(h) = known.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return h.clone();
    }
    let h = hash(password);
    known.lock().unwrap_or_else(|p| p.into_inner()).insert(key, h.clone());
    h
}

/// Whether `password` is the one `stored` was made from. With no account (`None`), a dummy hash
/// is checked all the same, so the time an answer takes does not tell which usernames exist.
pub fn verify(stored: Option<&str>, password: &str) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let phc = stored.unwrap_or_else(|| DUMMY.get_or_init(|| hash("no account has this password")));
    let matches =
        PasswordHash::new(phc).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok());
    matches && stored.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash("demo");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(!h.contains("demo"));
        assert!(verify(Some(&h), "demo"));
        assert!(!verify(Some(&h), "Demo"));
        assert!(!verify(None, "demo"));
        assert!(
            !verify(Some("demo"), "demo"),
            "a clear password in the store never matches"
        );
    }

    #[test]
    fn accounts_get_their_own_salt_and_a_phc_string_is_kept() {
        let a = stored("demo\nana", "demo");
        let b = stored("demo\nbia", "demo");
        assert_ne!(a, b);
        assert_eq!(stored("demo\nana", "demo"), a, "remembered across reloads");
        assert_eq!(stored("demo\ncai", &a), a);
    }
}
