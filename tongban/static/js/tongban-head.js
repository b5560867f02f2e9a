// Loaded in <head> (no defer): marks the page as scripted before first paint, so CSS can show the phone menu
// expanded when scripts are off and collapsed (behind its toggle button) when they are on.
document.documentElement.classList.add("tb-js");
