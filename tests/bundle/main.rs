//! Bundles between real data folders with the real binary: round trips, convergence in any
//! order, trust, and every way a bundle can be wrong or hostile.

#[path = "../support/mod.rs"]
mod support;

mod converge;
mod district;
mod duplicates;
mod first_contact;
mod hostile;
mod keys_at_rest;
mod order;
mod plain_zip;
mod reject;
mod roundtrip;
mod stream;
mod streamed;
mod trust;
