// SPDX-License-Identifier: GPL-3.0-or-later
// Drives esptool-js's own connect sequence (ESPLoader.main(): sync, chip detection, chip
// description, features, crystal, MAC, stub upload, baud change, flash id) against a board
// reached over TCP, and prints every line esptool-js writes to its terminal.
//
// esptool-js talks to a Web Serial SerialPort; TcpSerialPort below is one over a TCP socket
// (readable/writable web streams, open/close, setSignals, in-place baud change), so the real
// Transport and ESPLoader classes run unchanged.
//
// Usage: node connect.mjs MODULE_DIR HOST PORT [BAUD]
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [moduleDir, host, port, baud] = process.argv.slice(2);
const esptool = await import(pathToFileURL(path.join(moduleDir, "lib", "index.js")).href);

class TcpSerialPort {
    constructor(host, port) {
        this.host = host;
        this.port = Number(port);
        this.readable = null;
        this.writable = null;
        this.socket = null;
    }
    getInfo() {
        return {};
    }
    async open() {
        const socket = net.connect(this.port, this.host);
        socket.setNoDelay(true);
        await new Promise((resolve, reject) => {
            socket.once("connect", resolve);
            socket.once("error", reject);
        });
        this.socket = socket;
        this.readable = new ReadableStream({
            start(controller) {
                socket.on("data", (chunk) => controller.enqueue(new Uint8Array(chunk)));
                socket.on("end", () => controller.close());
                socket.on("error", (e) => controller.error(e));
            },
            cancel() {
                socket.pause();
            },
        });
        this.writable = new WritableStream({
            write(chunk) {
                return new Promise((resolve, reject) =>
                    socket.write(Buffer.from(chunk), (e) => (e ? reject(e) : resolve())));
            },
        });
    }
    async close() {
        if (this.socket)
            this.socket.destroy();
        this.socket = null;
        this.readable = null;
        this.writable = null;
    }
    // A TCP port has no modem lines; the board stays in download mode.
    async setSignals() {}
    async setBaudRate() {}
}

const lines = [];
const terminal = {
    pending: "",
    clean() {},
    write(text) {
        this.pending += text;
    },
    writeLine(text) {
        const line = this.pending + text;
        this.pending = "";
        lines.push(line);
        console.log(line);
    },
};

const transport = new esptool.Transport(new TcpSerialPort(host, port), false);
const loader = new esptool.ESPLoader({
    transport,
    baudrate: Number(baud || 460800),
    romBaudrate: 115200,
    terminal,
});
try {
    await loader.main("no_reset");
    await transport.disconnect();
} catch (e) {
    console.log(`FAILED: ${e && e.message ? e.message : e}`);
    process.exit(1);
}
const warnings = lines.filter((l) => /warn|error|unsupported|failed|unknown/i.test(l));
if (warnings.length) {
    console.log(`FAILED: ${warnings.length} warning line(s)`);
    process.exit(1);
}
console.log("OK");
process.exit(0);
