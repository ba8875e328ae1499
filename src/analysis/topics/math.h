// Our own log, exp, lgamma and digamma, written with plain IEEE double arithmetic (+ − × ÷, compiled with
// -ffp-contract=off), so a model's likelihood and its re-estimated α and β are bit-identical natively and in
// wasm — the C libraries of the two builds (glibc, musl) do not promise the same last bit.
#pragma once

namespace analysis::topics {

double Log(double x);        // natural log, x > 0 (relative error < 1e-15)
double Exp(double x);
double LogGamma(double x);   // log Γ(x), x > 0
double Digamma(double x);    // ψ(x) = d/dx log Γ(x), x > 0

}  // namespace analysis::topics
