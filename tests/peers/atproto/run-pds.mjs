// SPDX-License-Identifier: GPL-3.0-or-later
//
// run-pds.mjs: the reference Bluesky PDS and an in-memory PLC directory on
// 127.0.0.1, for the interop tests (tests/interop/with-bluesky-pds.sh).
//
// Run with the Node 22 of the test-peer cache. Prints one JSON line once
// both answer, {"ready":true,"pds":URL,"plc":URL,"version":…}, then serves
// until SIGTERM or SIGINT, or until its parent is gone, and removes its data
// folder on the way out.
//
// Environment: MARQUEE_PEERS_DIR (default ~/.cache/marquee-test-peers);
// PDS_JWT_SECRET (default random), so a test can sign an expired token the
// server itself would have made.

import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const HOST = '127.0.0.1'

const peersDir = process.env.MARQUEE_PEERS_DIR ||
  path.join(os.homedir(), '.cache', 'marquee-test-peers')
// The packages live in the cache, not next to this file.
const requireFromPeers = createRequire(path.join(peersDir, 'atproto', 'package.json'))
const importPeer = (name) => import(pathToFileURL(requireFromPeers.resolve(name)).href)

// Neither server takes a bind address and both would listen on every
// interface: a listen() that names no host gets the loopback one.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  const first = args[0]
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, HOST)
  } else if (first !== null && typeof first === 'object' && first.path === undefined &&
             first.host === undefined && !(first instanceof net.Server)) {
    args[0] = { ...first, host: HOST }
  }
  return listen.apply(this, args)
}

// A port nothing listens on now. The PDS must know its own before it
// starts, since its address goes into the accounts' DID documents.
const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer()
  probe.once('error', reject)
  probe.listen(0, HOST, () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})

let dataDir = null
let plc = null
let pds = null
let stopping = false

const stop = async (status) => {
  if (stopping) return
  stopping = true
  try {
    if (pds) await pds.destroy()
    if (plc) await plc.destroy()
  } catch (err) {
    console.error('run-pds: stopping:', err)
    status = status || 1
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(status)
}

process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))
// Killed test runners cannot send SIGTERM; an orphan is re-parented.
const parent = process.ppid
setInterval(() => { if (process.ppid !== parent) stop(0) }, 500).unref()

try {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-pds-'))

  const plcModule = await importPeer('@did-plc/server')
  const { PlcServer, Database } = plcModule.default ?? plcModule
  const plcPort = await freePort()
  plc = PlcServer.create({ db: Database.mock(), port: plcPort })
  await plc.start()

  const { PDS } = await importPeer('@atproto/pds')
  const { Secp256k1Keypair } = await importPeer('@atproto/crypto')
  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const pdsPort = await freePort()
  // Nothing leaves the machine: no crawlers, the AppView and moderation
  // service on a port that refuses, mail as JSON to nowhere.
  const unreachable = `http://${HOST}:9`
  pds = await PDS.fromEnv({
    devMode: true,
    port: pdsPort,
    hostname: 'localhost',
    version: requireFromPeers('@atproto/pds/package.json').version,
    dataDirectory: dataDir,
    blobstoreDiskLocation: path.join(dataDir, 'blobs'),
    blobstoreDiskTmpLocation: path.join(dataDir, 'blobs-tmp'),
    didPlcUrl: `http://${HOST}:${plcPort}`,
    serviceHandleDomains: ['.test'],
    inviteRequired: false,
    crawlers: [],
    bskyAppViewUrl: unreachable,
    bskyAppViewDid: 'did:example:no-appview',
    modServiceUrl: unreachable,
    modServiceDid: 'did:example:no-moderation',
    rateLimitsEnabled: false,
    jwtSecret: process.env.PDS_JWT_SECRET || crypto.randomBytes(16).toString('hex'),
    adminPassword: crypto.randomBytes(16).toString('hex'),
    plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
  })
  await pds.start()

  const health = await fetch(`http://${HOST}:${pdsPort}/xrpc/_health`).then((r) => r.json())
  console.log(JSON.stringify({
    ready: true,
    pds: `http://${HOST}:${pdsPort}`,
    plc: `http://${HOST}:${plcPort}`,
    version: health.version,
    ms: Math.round(process.uptime() * 1000),
  }))
} catch (err) {
  console.error('run-pds: could not start:', err)
  await stop(1)
}
