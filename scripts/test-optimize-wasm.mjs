// Self-checks of scripts/optimize-wasm.mjs: the ordering key and the renaming of a module's
// function names (a wrong key or a lost name section would silently give the size back).
import assert from 'node:assert/strict';
import { orderKey, renameFunctions } from './optimize-wasm.mjs';

let passed = 0;
const check = (what, f) => {
  try {
    f();
    passed++;
  } catch (e) {
    console.error(`FAILED: ${what}\n${e.message}`);
    process.exitCode = 1;
  }
};

check('the copies of one generic function share their key up to the type arguments', () => {
  const a = orderKey('<alloc::vec::Vec<u8> as core::clone::Clone>::clone::h0123456789abcdef');
  const b = orderKey('<alloc::vec::Vec<alloc::string::String> as core::clone::Clone>::clone::hfedcba9876543210');
  assert.equal(a.split(' | ')[0], b.split(' | ')[0]);
  assert.equal(a.split(' | ')[0], '(core::clone::Clone)::clone');
  assert.ok(a < b === 'u8' < 'alloc', 'ties ordered by the type arguments');
});

check('the hash never orders anything', () => {
  assert.equal(orderKey('core::ptr::drop_in_place<x::Y>::h0000000000000000'), orderKey('core::ptr::drop_in_place<x::Y>::hffffffffffffffff'));
});

check('different functions keep different keys', () => {
  assert.notEqual(orderKey('tachys::view::any_view::IntoAny::into_any::build'), orderKey('tachys::view::any_view::IntoAny::into_any::rebuild'));
});

// A module with two functions and a name section naming them (hand-assembled).
const name = (s) => [s.length, ...new TextEncoder().encode(s)];
const names = [2, 0, ...name('f<u8>::h0123456789abcdef'), 1, ...name('f<u16>::h0123456789abcdef')];
const nameSection = [...name('name'), 1, names.length, ...names];
const module = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type: () -> ()
  0x03, 0x03, 0x02, 0x00, 0x00, // two functions of that type
  0x0a, 0x07, 0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b, // their (empty) bodies
  0x00, nameSection.length, ...nameSection,
]);

check('a module is renamed by the key, and stays a valid module', () => {
  const out = renameFunctions(module);
  assert.ok(WebAssembly.validate(out), 'still valid');
  const textOut = new TextDecoder().decode(out);
  assert.ok(textOut.includes('f | f<u8>#000000'), textOut);
  assert.ok(textOut.includes('f | f<u16>#000000'), textOut);
  assert.ok(!textOut.includes('h0123456789abcdef'));
  // everything before the name section is untouched
  assert.deepEqual(Uint8Array.from(out.subarray(0, 28)), module.subarray(0, 28));
});

check('equal keys get suffixes in their original order', () => {
  const out = new TextDecoder().decode(renameFunctions(module, () => 'same'));
  assert.ok(out.indexOf('same#000000') < out.indexOf('same#000001'), out);
});

check('a module without names is refused, not passed through', () => {
  assert.throws(() => renameFunctions(module.subarray(0, 28)), /names no function/);
  assert.throws(() => renameFunctions(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])), /not a wasm module/);
});

console.log(`optimize-wasm.mjs: ${passed} of 6 checks passed`);
