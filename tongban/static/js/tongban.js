// Tongban behaviour (progressive enhancement only)
