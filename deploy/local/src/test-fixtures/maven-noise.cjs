// Loaded with NODE_OPTIONS=--require: writes what `mvn -q` writes to an inherited stdout when its cache is warm
// (colour resets, no newline), as the first bytes of the process's stdout.
process.stdout.write('\x1b[0m\x1b[0m');
