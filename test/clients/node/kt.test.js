// kt's server checked with node-q 2.7.0, a kdb+ client this project did
// not write. $KT_ADDR is a kt started with -compress (it compresses
// answers over 2000 bytes to this loopback client as kdb+ does to a
// remote one), $KT_AUTH_ADDR one started with a password file; run.sh
// starts both.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const nodeq = require("node-q");

function address(env) {
	const a = process.env[env];
	assert.ok(a, "$" + env + " is not set: run test/clients/run.sh");
	const i = a.lastIndexOf(":");
	return { host: a.slice(0, i), port: Number(a.slice(i + 1)) };
}

function connect(env, user, password) {
	return new Promise((resolve, reject) => {
		const p = Object.assign(address(env || "KT_ADDR"), user === undefined ? {} : { user, password });
		nodeq.connect(p, (err, con) => (err ? reject(err) : resolve(con)));
	});
}

// call is con.k as a promise: the answer, or the error kt sent.
function call(con, ...args) {
	return new Promise((resolve, reject) => {
		con.k(...args, (err, res) => (err ? reject(err) : resolve(res)));
	});
}

function close(con) {
	return new Promise((resolve) => con.close(resolve));
}

const utc = (...a) => new Date(Date.UTC(...a));

// What node-q gives for each q value kt sends (its dates to the
// millisecond, as JavaScript's Date holds them).
const received = [
	["1b", true],
	["0x2a", 42],
	["7h", 7],
	["7i", 7],
	["7", 7],
	["1.5e", 1.5],
	["1.5", 1.5],
	['"a"', "a"],
	[" `ab", "ab"],
	['"G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"', "0a369037-75d3-b24d-6721-5a1d44d4bed5"],
	["2000.01.02D03:04:05.006000000", utc(2000, 0, 2, 3, 4, 5, 6)],
	["2000.03m", utc(2000, 2, 1)],
	["2000.01.02", utc(2000, 0, 2)],
	["2000.01.02T03:04:05.006", utc(2000, 0, 2, 3, 4, 5, 6)],
	["0D03:04:05.006000000", utc(2000, 0, 1, 3, 4, 5, 6)],
	["03:04", utc(2000, 0, 1, 3, 4)],
	["03:04:05", utc(2000, 0, 1, 3, 4, 5)],
	["03:04:05.006", utc(2000, 0, 1, 3, 4, 5, 6)],
	["10b", [true, false]],
	["0x0102", [1, 2]],
	["1 2h", [1, 2]],
	["1 2i", [1, 2]],
	["1 2 0N", [1, 2, null]],
	["1 2e", [1, 2]],
	["1.5 2f", [1.5, 2]],
	['"ab"', "ab"],
	[" `a`b", ["a", "b"]],
	["2000.01.02 2000.01.03", [utc(2000, 0, 2), utc(2000, 0, 3)]],
	["2#2000.01.02D03:04:05.006000000", [utc(2000, 0, 2, 3, 4, 5, 6), utc(2000, 0, 2, 3, 4, 5, 6)]],
	["(1;`a;\"bc\")", [1, "a", "bc"]],
	["`a`b!1 2", { a: 1, b: 2 }],
	["([]a:1 2;b:`x`y)", [{ a: 1, b: "x" }, { a: 2, b: "y" }]],
	["0N", null],
	["0Nf", null],
	["0Ni", null],
	["0Np", null],
	["0Nd", null],
	["::", null],
	["()", []],
];

test("kt -> node-q: every type", async () => {
	const con = await connect();
	try {
		for (const [q, want] of received) {
			assert.deepStrictEqual(await call(con, q), want, q);
		}
	} finally {
		await close(con);
	}
});

// datetimeCheck compares a datetime to 2000.01.02T03:04:05.006 within a
// microsecond: node-q's day count (milliseconds / 86400000) differs from
// q's literal in the last bits, by more than q's comparison tolerance.
const datetimeCheck = (t) =>
	"{(" + t + "h=type x)&all 1e-11>abs(`float$x)-`float$2000.01.02T03:04:05.006}";

// What node-q sends for each of its typed values, the q value kt must
// read it as, and the check (x~value unless given).
const sent = [
	[nodeq.boolean(true), "1b"],
	[nodeq.byte(42), "0x2a"],
	[nodeq.short(7), "7h"],
	[nodeq.int(7), "7i"],
	[nodeq.long(require("long").fromNumber(7)), "7"],
	[nodeq.real(1.5), "1.5e"],
	[nodeq.float(1.5), "1.5"],
	[nodeq.char("a"), '"a"'],
	[nodeq.symbol("ab"), "`ab"],
	[nodeq.guid("0a369037-75d3-b24d-6721-5a1d44d4bed5"), '"G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"'],
	[nodeq.timestamp(utc(2000, 0, 2, 3, 4, 5, 6)), "2000.01.02D03:04:05.006000000"],
	[nodeq.month(utc(2000, 2, 1)), "2000.03m"],
	[nodeq.date(utc(2000, 0, 2)), "2000.01.02"],
	[nodeq.datetime(utc(2000, 0, 2, 3, 4, 5, 6)), "2000.01.02T03:04:05.006", datetimeCheck(-15)],
	[nodeq.timespan(utc(2000, 0, 1, 3, 4, 5, 6)), "0D03:04:05.006000000"],
	[nodeq.minute(utc(2000, 0, 1, 3, 4)), "03:04"],
	[nodeq.second(utc(2000, 0, 1, 3, 4, 5)), "03:04:05"],
	[nodeq.time(utc(2000, 0, 1, 3, 4, 5, 6)), "03:04:05.006"],
	[nodeq.booleans([true, false]), "10b"],
	[nodeq.bytes([1, 2]), "0x0102"],
	[nodeq.shorts([1, 2]), "1 2h"],
	[nodeq.ints([1, 2]), "1 2i"],
	[nodeq.longs([require("long").fromNumber(1), require("long").fromNumber(2)]), "1 2"],
	[nodeq.reals([1, 2]), "1 2e"],
	[nodeq.floats([1.5, 2]), "1.5 2"],
	[nodeq.symbols(["a", "b"]), "`a`b"],
	[nodeq.timestamps([utc(2000, 0, 2, 3, 4, 5, 6)]), "enlist 2000.01.02D03:04:05.006000000"],
	[nodeq.months([utc(2000, 2, 1)]), "enlist 2000.03m"],
	[nodeq.dates([utc(2000, 0, 2), utc(2000, 0, 3)]), "2000.01.02 2000.01.03"],
	[nodeq.datetimes([utc(2000, 0, 2, 3, 4, 5, 6)]), "enlist 2000.01.02T03:04:05.006", datetimeCheck(15)],
	[nodeq.timespans([utc(2000, 0, 1, 3, 4, 5, 6)]), "enlist 0D03:04:05.006000000"],
	[nodeq.minutes([utc(2000, 0, 1, 3, 4)]), "enlist 03:04"],
	[nodeq.seconds([utc(2000, 0, 1, 3, 4, 5)]), "enlist 03:04:05"],
	[nodeq.times([utc(2000, 0, 1, 3, 4, 5, 6)]), "enlist 03:04:05.006"],
	["ab", '"ab"'],
	[1.5, "1.5"],
	[true, "1b"],
	[[1, 2, 3], "1 2 3f"],
	[["xy", 1], '("xy";1f)'],
	[{ a: 1, b: "cd" }, '`a`b!(1f;"cd")'],
	[utc(2000, 0, 2, 3, 4, 5, 6), "2000.01.02T03:04:05.006", datetimeCheck(-15)],
	[null, "(::)"],
];

test("node-q -> kt: every type", async () => {
	const con = await connect();
	try {
		for (const [x, q, check] of sent) {
			const same = await call(con, check || "{x~" + q + "}", x);
			if (same !== true) {
				assert.fail("kt read " + (await call(con, "{.Q.s1 x}", x)) + ", want " + q);
			}
		}
	} finally {
		await close(con);
	}
});

test("errors arrive as errors, and the session goes on", async () => {
	const con = await connect();
	try {
		for (const [q, want] of [["1+`a", "type"], ["'`custom", "custom"], ["undefinedname", "undefinedname"]]) {
			await assert.rejects(call(con, q), (e) => e.message === want, q);
		}
		assert.strictEqual(await call(con, "1+1"), 2);
	} finally {
		await close(con);
	}
});

test("async messages, then a sync one after them", async () => {
	const con = await connect();
	try {
		await call(con, "nodeSeen:()");
		for (let i = 0; i < 200; i++) {
			await new Promise((resolve) => con.ks("{nodeSeen::nodeSeen,x}", nodeq.long(require("long").fromNumber(i)), resolve));
		}
		assert.strictEqual(await call(con, "nodeSeen~til 200"), true);
	} finally {
		await close(con);
	}
});

test("a large answer comes compressed and reads back", async () => {
	const con = await connect();
	const flags = [];
	con.socket.prependListener("data", (b) => flags.push(b.length > 8 ? b[2] : -1));
	try {
		const v = await call(con, "100000#til 7");
		assert.strictEqual(v.length, 100000);
		assert.strictEqual(v[99999], 99999 % 7);
		assert.strictEqual(flags[0], 1, "kt's answer of 800 kB came uncompressed");
	} finally {
		await close(con);
	}
});

test("the password file: accepted and refused", async () => {
	for (const [user, password, ok] of [["plain", "pw", true], ["hashed", "secret", true], ["plain", "wrong", false], ["nobody", "pw", false]]) {
		let con;
		try {
			con = await connect("KT_AUTH_ADDR", user, password);
		} catch (e) {
			assert.ok(!ok, user + ":" + password + " refused: " + e.message);
			continue;
		}
		assert.ok(ok, user + ":" + password + " accepted");
		assert.strictEqual(await call(con, ".z.u"), user);
		await close(con);
	}
});

test("the loss api over IPC", async () => {
	const con = await connect();
	try {
		// like ktorch's, kt's loss functions take one list: inputs, targets, options
		assert.strictEqual(await call(con, "mse", [[1, 3, 6, 9], [1, 2, 4, 8]]), 1.5);
		assert.deepStrictEqual(await call(con, "mse", [[1, 3, 6, 9], [1, 2, 4, 8], nodeq.symbol("none")]), [0, 1, 4, 1]);
		assert.strictEqual(await call(con, "{mse(x;y)}", [1, 3, 6, 9], [1, 2, 4, 8]), 1.5);
	} finally {
		await close(con);
	}
});

test("40 clients at once", async () => {
	const cons = await Promise.all(Array.from({ length: 40 }, (_, i) => connect("KT_ADDR", "client" + i, "")));
	try {
		assert.ok((await call(cons[0], "count .z.W")) >= 40);
		await Promise.all(
			cons.map(async (con, i) => {
				for (let j = 0; j < 50; j++) {
					const r = await call(con, "{(x;y;.z.u)}", i, j);
					assert.deepStrictEqual(r, [i, j, "client" + i]);
				}
			}),
		);
	} finally {
		await Promise.all(cons.map(close));
	}
});

test("websockets on the same port, with ws 8.23.1", async () => {
	const WebSocket = require("ws");
	const a = address("KT_ADDR");
	const sock = new WebSocket("ws://" + a.host + ":" + a.port + "/");
	const replies = [];
	let wake;
	sock.on("message", (data, isBinary) => {
		replies.push(isBinary ? Array.from(data) : data.toString());
		if (wake) wake();
	});
	await new Promise((resolve, reject) => {
		sock.on("open", resolve);
		sock.on("error", reject);
	});
	const next = () => new Promise((resolve) => {
		if (replies.length) return resolve(replies.shift());
		wake = () => {
			wake = undefined;
			resolve(replies.shift());
		};
	});
	try {
		sock.send("til 3");
		assert.strictEqual(await next(), "0 1 2");
		sock.send(Buffer.from([1, 2, 3]));
		assert.deepStrictEqual(await next(), [3, 2, 1]);
		sock.send("mse(1 3 6 9f;1 2 4 8f)");
		assert.strictEqual(await next(), "1.5");
	} finally {
		sock.close();
	}
});
