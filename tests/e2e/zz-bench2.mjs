import fs from 'node:fs'; import http from 'node:http'; import path from 'node:path';
import { chromium } from 'playwright-core';
const ROOT='/work/main'; const PAGES='/work/shared/corpora/readability';
const names=fs.readdirSync(PAGES).filter(n=>fs.existsSync(path.join(PAGES,n,'source.html'))).sort();
const FILES={'/masthead.js':ROOT+'/www/pkg/masthead.js','/masthead_bg.wasm':ROOT+'/www/pkg/masthead_bg.wasm','/Readability.js':ROOT+'/node_modules/@mozilla/readability/Readability.js'};
const server=http.createServer((q,r)=>{const u=new URL(q.url,'http://x');if(u.pathname==='/'){r.writeHead(200,{'content-type':'text/html'});return r.end('<script src="/Readability.js"></script>');}
const m=u.pathname.match(/^\/corpus\/(.+)$/);const f=m?path.join(PAGES,m[1],'source.html'):FILES[u.pathname];if(!f){r.writeHead(404);return r.end();}
r.writeHead(200,{'content-type':f.endsWith('.wasm')?'application/wasm':f.endsWith('.js')?'text/javascript':'text/html'});r.end(fs.readFileSync(f));});
await new Promise(r=>server.listen(0,'127.0.0.1',r));const origin=`http://localhost:${server.address().port}`;
const browser=await chromium.launch({executablePath:'/usr/bin/chromium',headless:true,args:['--no-sandbox']});
const page=await browser.newPage();await page.goto(origin+'/');
await page.evaluate(async()=>{const c=await import('/masthead.js');await c.default({module_or_path:'/masthead_bg.wasm'});globalThis.core=c;});
let tot={ser:0,wc:0,full:0,rd:0};
for(const name of names){const t=await page.evaluate(async(name)=>{const html=await (await fetch(`/corpus/${name}`)).text();const live=new DOMParser().parseFromString(html,'text/html');
const r={ser:[],wc:[],full:[],rd:[]};for(let i=0;i<5;i++){let s=performance.now();const h=live.documentElement.outerHTML;r.ser.push(performance.now()-s);
s=performance.now();core.extractWordCount(h,'http://fakehost/');r.wc.push(performance.now()-s);
s=performance.now();core.extractArticle(h,'http://fakehost/');r.full.push(performance.now()-s);
s=performance.now();new Readability(live.cloneNode(true)).parse();r.rd.push(performance.now()-s);}
const med=a=>a.sort((x,y)=>x-y)[2];return {ser:med(r.ser),wc:med(r.wc),full:med(r.full),rd:med(r.rd)};},name);
for(const k in tot)tot[k]+=t[k];}
console.log(tot);await browser.close();server.close();
