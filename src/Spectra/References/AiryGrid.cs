namespace Spectra.References;

/// <summary>
/// Ai on an interval from Ai and Ai′ at evenly spaced points and the Taylor series of Airy's equation
/// y″ = x y about the nearest one (y⁽ᵏ⁺²⁾ = x y⁽ᵏ⁾ + k y⁽ᵏ⁻¹⁾). The N² half-sums of the TW₁ kernel then cost
/// a few dozen flops each instead of a MathNet Airy call (about 50 µs each), and the steps stay short enough
/// (|h| √|x| ≲ 1) that the series keeps Ai's relative digits, also where Ai is 1e-30.
/// </summary>
internal sealed class AiryGrid
{
    private readonly double _start;
    private readonly double _step;
    private readonly double[] _ai;
    private readonly double[] _aiPrime;

    public AiryGrid(double start, double end, int intervals)
    {
        _start = start;
        _step = (end - start) / intervals;
        _ai = new double[intervals + 1];
        _aiPrime = new double[intervals + 1];
        for (var k = 0; k <= intervals; k++)
        {
            var x = start + k * _step;
            _ai[k] = SpecialFunctions.AiryAi(x);
            _aiPrime[k] = SpecialFunctions.AiryAiPrime(x);
        }
    }

    public double Ai(double x)
    {
        var k = Math.Clamp((int)Math.Round((x - _start) / _step), 0, _ai.Length - 1);
        var center = _start + k * _step;
        var h = x - center;
        // Derivatives y⁽ʲ⁾ at the centre, kept three at a time: y⁽ʲ⁻¹⁾, y⁽ʲ⁾, y⁽ʲ⁺¹⁾.
        double before = 0, current = _ai[k], next = _aiPrime[k];
        double sum = current, power = 1;
        for (var j = 0; j < 60; j++)
        {
            power *= h / (j + 1);
            var term = next * power;
            sum += term;
            var afterNext = center * current + j * before;
            (before, current, next) = (current, next, afterNext);
            if (Math.Abs(term) <= 1e-18 * Math.Abs(sum) && j > 4) break;
        }
        return sum;
    }
}
