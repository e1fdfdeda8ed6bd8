// Differential-test oracle: answers questions about momentkh's Khmer calendar as JSON.
// stdin:  {"dates": ["YYYY-MM-DD", ...], "years": [1900, ...], "be_check": ["YYYY-MM-DD", ...]}
// stdout: {"dates": {iso: [khDay 0..29, khMonth index, BE]}, "years": {y: "YYYY-MM-DD HH:mm"},
//          "be_check": {iso: BE from momentkh's own khYear()}}
// momentkh's khYear() scans up to 365 days per call (~0.1 s), so for the bulk dates the BE year
// is derived with momentkh's rule (AD+544 strictly after the first day of the year whose
// khMonth is ពិសាខ and khDay is 14), the Visak day being located per year with khDay/khMonth;
// "be_check" runs the real khYear() on a sample to show the two agree.
'use strict';
process.env.TZ = 'UTC';
const moment = require('moment');
require('@thyrith/momentkh')(moment);

const PISAKH = 5;
const MONTH_DAYS = [29, 30, 29, 30, 29, 30, 29, 30, 29, 30, 29, 30, 30, 30];

function lunar(m) {
  return [m.khDay(), m.khMonth()];
}

const visakCache = {};
function visak(year) {
  if (visakCache[year] !== undefined) return visakCache[year];
  // Visak Bochea never falls before April (the month ពិសាខ is April/May), so start there.
  let d = moment.utc(`${year}-04-01`, 'YYYY-MM-DD');
  for (let guard = 0; guard < 400; guard++) {
    const [k, m] = lunar(d);
    if (m === PISAKH && k === 14) {
      // first match: make sure the previous day is not one too
      const prev = d.clone().subtract(1, 'day');
      const [pk, pm] = lunar(prev);
      if (pm === PISAKH && pk === 14) { d = prev; continue; }
      visakCache[year] = d;
      return d;
    }
    let jump = 1;
    if (m === PISAKH && k < 14) jump = 14 - k;
    else if (m === 4) jump = MONTH_DAYS[4] - k + 14;
    else if (m === 3) jump = MONTH_DAYS[3] - k + MONTH_DAYS[4] + 14;
    d.add(Math.max(1, jump), 'day');
  }
  throw new Error('no Visak day found in ' + year);
}

function beYear(d) {
  return d.diff(visak(d.year())) > 0 ? d.year() + 544 : d.year() + 543;
}

let input = '';
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const q = JSON.parse(input || '{}');
  const out = { dates: {}, years: {}, be_check: {} };
  for (const iso of q.dates || []) {
    const d = moment.utc(iso, 'YYYY-MM-DD');
    const [k, m] = lunar(d);
    out.dates[iso] = [k, m, beYear(d)];
  }
  for (const y of q.years || []) {
    out.years[y] = moment.getKhNewYearMoment(y).format('YYYY-MM-DD HH:mm');
  }
  for (const iso of q.be_check || []) {
    out.be_check[iso] = moment.utc(iso, 'YYYY-MM-DD').khYear();
  }
  process.stdout.write(JSON.stringify(out));
});
