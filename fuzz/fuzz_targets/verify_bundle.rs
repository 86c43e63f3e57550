#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| shenbao_fuzz::verify_bundle(data));
