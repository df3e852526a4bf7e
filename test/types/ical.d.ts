declare module 'ical.js';
