/ from docs/ref/accumulators.md (KxSystems/docs): not passing yet.
/ kt gives 7 7 0h: Scan keeps the count of an empty argument, as the same page says Scan does;
/ the page's -7 for *\[mt] reads like a copy of the Over line above it, but that is not proven.
q)mt:0#0
q)type each (mt;*\[mt];{x*y}\[mt])
7 -7 0h
