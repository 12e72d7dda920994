/*
 * The start-up's code runs in two tasks instead of one: main.tsx imports this module right after
 * React, so React's evaluation is one task and the rest of the app's (the database, the router,
 * the screens, the first render) the next. Together they were one task of about 30 ms on the
 * bench's machine, several times that on a mid-range phone, during which a tap waits.
 */
await new Promise((resolve) => setTimeout(resolve, 0));
export {};
