//! Work made by one thread, done by whichever thread is free, and handed on in the order it was
//! made (issue 20). An import reads its inspections on one thread, parses and checks them on
//! any, and writes them on the one thread that holds the database: that writer, which no other
//! thread can relieve, does the work itself while it waits for the next item in order, so
//! neither core idles while there is work, and the helpers (at a lower priority,
//! `platform::lower_thread_priority`) take what the writer leaves.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Items made in order, each turned into an output by `work` on some thread, the outputs taken
/// in the same order.
pub(super) struct Relay<I, O> {
    state: Mutex<State<I, O>>,
    changed: Condvar,
    /// Items made and not yet taken in order, at most: what an import holds in memory.
    ahead: usize,
}

struct State<I, O> {
    /// Made, not yet worked on, numbered in the order made.
    waiting: VecDeque<(usize, I)>,
    /// Worked on, not yet taken.
    done: BTreeMap<usize, O>,
    made: usize,
    taken: usize,
    /// No more items will be made.
    closed: bool,
    /// No more outputs will be taken: the taker stopped (an error), or a thread panicked.
    stopped: bool,
}

impl<I, O> Relay<I, O> {
    pub(super) fn new(ahead: usize) -> Relay<I, O> {
        Relay {
            state: Mutex::new(State {
                waiting: VecDeque::new(),
                done: BTreeMap::new(),
                made: 0,
                taken: 0,
                closed: false,
                stopped: false,
            }),
            changed: Condvar::new(),
            ahead: ahead.max(1),
        }
    }

    /// The critical sections never panic, so a poisoned lock still guards a whole state.
    fn lock(&self) -> MutexGuard<'_, State<I, O>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State<I, O>>) -> MutexGuard<'a, State<I, O>> {
        self.changed
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds the next item; while `ahead` items are out, works on waiting ones or waits. False
    /// once outputs are no longer taken: the maker then stops making them.
    pub(super) fn make(&self, item: I, work: &(impl Fn(I) -> O + ?Sized)) -> bool {
        let mut state = self.lock();
        while !state.stopped && state.made - state.taken >= self.ahead {
            state = self.work_or_wait(state, work);
        }
        if state.stopped {
            return false;
        }
        let n = state.made;
        state.made += 1;
        state.waiting.push_back((n, item));
        drop(state);
        self.changed.notify_all();
        true
    }

    /// No more items: called by the maker when it is done.
    pub(super) fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    /// No more outputs will be taken: every thread leaves its loop.
    pub(super) fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }

    /// Works on the first waiting item, if any, with the lock let go meanwhile; else waits
    /// for a change.
    fn work_or_wait<'a>(
        &'a self,
        mut state: MutexGuard<'a, State<I, O>>,
        work: &(impl Fn(I) -> O + ?Sized),
    ) -> MutexGuard<'a, State<I, O>> {
        let Some((n, item)) = state.waiting.pop_front() else {
            return self.wait(state);
        };
        drop(state);
        let out = work(item);
        let mut state = self.lock();
        state.done.insert(n, out);
        self.changed.notify_all();
        state
    }

    /// A helper's loop: works on waiting items until every item is made and worked on, or
    /// the relay stops.
    pub(super) fn help(&self, work: &(impl Fn(I) -> O + ?Sized)) {
        let mut state = self.lock();
        loop {
            let all_taken_up = state.closed && state.waiting.is_empty();
            if state.stopped || all_taken_up {
                return;
            }
            state = self.work_or_wait(state, work);
        }
    }

    /// The next output in the order the items were made, working on waiting items while it
    /// is not done; `None` once every item is taken (or the relay stopped).
    pub(super) fn take(&self, work: &(impl Fn(I) -> O + ?Sized)) -> Option<O> {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return None;
            }
            let n = state.taken;
            if let Some(out) = state.done.remove(&n) {
                state.taken += 1;
                drop(state);
                // The maker may be waiting for room.
                self.changed.notify_all();
                return Some(out);
            }
            if state.closed && n == state.made {
                return None;
            }
            state = self.work_or_wait(state, work);
        }
    }
}

/// Stops the relay when dropped while its thread panics, so that no other thread waits for
/// what that thread will never make or finish.
pub(super) struct StopOnPanic<'a, I, O>(pub(super) &'a Relay<I, O>);

impl<I, O> Drop for StopOnPanic<'_, I, O> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made on one thread, worked on by three, taken in order: every output once, in order,
    /// whatever thread did the work.
    #[test]
    fn outputs_come_in_the_order_made() {
        let relay = Relay::new(3);
        let work = |i: u64| {
            // Uneven work, so that items finish out of order.
            let spin = (i * 7919) % 5000;
            (0..spin).fold(i, |a, b| std::hint::black_box(a ^ b)) ^ (0..spin).fold(0, |a, b| a ^ b)
        };
        let taken = std::thread::scope(|scope| {
            scope.spawn(|| {
                for i in 0..2000 {
                    assert!(relay.make(i, &work));
                }
                relay.close();
            });
            scope.spawn(|| relay.help(&work));
            std::iter::from_fn(|| relay.take(&work)).collect::<Vec<_>>()
        });
        assert_eq!(taken, (0..2000).collect::<Vec<_>>());
    }

    /// A taker that stops early ends the maker's and the helper's loops.
    #[test]
    fn a_stop_ends_every_loop() {
        let relay = Relay::new(2);
        let work = |i: u32| i;
        let (made, first) = std::thread::scope(|scope| {
            let maker = scope.spawn(|| (0..1000).take_while(|&i| relay.make(i, &work)).count());
            scope.spawn(|| relay.help(&work));
            let first = relay.take(&work);
            relay.stop();
            (maker.join().unwrap(), first)
        });
        assert_eq!(first, Some(0));
        assert!(made < 1000, "the maker went on after the stop: {made}");
    }

    /// A helper that panics stops the relay: the taker is not left waiting, and the panic is
    /// raised where the threads are joined.
    #[test]
    fn a_panic_stops_the_relay() {
        let relay = Relay::new(4);
        let work = |i: u32| {
            if i == 5 {
                panic!("item 5");
            }
            i
        };
        let joined = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            std::thread::scope(|scope| {
                scope.spawn(|| {
                    let _stop = StopOnPanic(&relay);
                    for i in 0..100 {
                        if !relay.make(i, &work) {
                            break;
                        }
                    }
                    relay.close();
                });
                let _stop = StopOnPanic(&relay);
                while relay.take(&work).is_some() {}
            })
        }));
        assert!(joined.is_err(), "the panic was not raised");
    }
}
