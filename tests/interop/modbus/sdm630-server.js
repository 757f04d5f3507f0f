// An independent Modbus RTU slave for the interop tests: modbus-serial's ServerSerial serving the
// Eastron SDM630 input-register map (IEEE-754 float32, high word first) on a serial device, usually
// one end of a socat pseudo-terminal pair.
//
//   node sdm630-server.js <device> [baud=9600] [unit=1]
//
// Prints "READY" once the port is open and "REQUEST fc=<n> addr=<a> len=<l>" for each read it serves,
// so the test can tell that bytes really crossed the line.
'use strict';

const ModbusRTU = require('modbus-serial');

const device = process.argv[2];
const baudRate = Number(process.argv[3] || 9600);
const unitID = Number(process.argv[4] || 1);
if (!device) {
  console.error('usage: node sdm630-server.js <device> [baud] [unit]');
  process.exit(2);
}

// SDM630 Modbus protocol, input registers (hex start address): the values the test expects back.
const values = {
  0x0000: 230.1, 0x0002: 230.2, 0x0004: 230.3, // phase L-N volts
  0x0006: 10.5, 0x0008: 11.5, 0x000a: 12.5, // phase amps
  0x000c: 2416.05, 0x000e: 2647.3, 0x0010: 2878.75, // phase watts
  0x0034: 7942.1, // total system power W
  0x0046: 49.98, // frequency Hz
  0x0048: 4321.5, // import active energy kWh
};

const registers = new Uint16Array(0x0180);
for (const [address, value] of Object.entries(values)) {
  const buffer = Buffer.alloc(4);
  buffer.writeFloatBE(value, 0);
  registers[Number(address)] = buffer.readUInt16BE(0);
  registers[Number(address) + 1] = buffer.readUInt16BE(2);
}

function check(address, length) {
  if (address + length > registers.length) {
    // modbus-serial turns an error with modbusErrorCode into an exception response.
    const error = new Error('illegal data address');
    error.modbusErrorCode = 0x02;
    throw error;
  }
}

const vector = {
  getMultipleInputRegisters(address, length) {
    check(address, length);
    console.log(`REQUEST fc=4 addr=${address} len=${length}`);
    return Array.from(registers.subarray(address, address + length));
  },
  getInputRegister(address) {
    check(address, 1);
    console.log(`REQUEST fc=4 addr=${address} len=1`);
    return registers[address];
  },
  getHoldingRegister() {
    return 0;
  },
  setRegister() {},
};

const server = new ModbusRTU.ServerSerial(vector, {
  path: device,
  baudRate,
  unitID,
  openCallback(error) {
    if (error) {
      console.error(`OPEN FAILED ${error.message}`);
      process.exit(1);
    }

    console.log('READY');
  },
});

server.on('error', (error) => console.error(`ERROR ${error && error.message}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
