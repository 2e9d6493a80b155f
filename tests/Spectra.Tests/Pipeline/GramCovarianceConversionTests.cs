namespace Spectra.Tests.Pipeline;

public class GramCovarianceConversionTests
{
    [Fact]
    public void Gram_eigenvalues_become_covariance_eigenvalues_scaled_by_features_over_samples_with_zeros_below()
    {
        // 3 samples, 5 features: the covariance has 5 eigenvalues, 2 of them exact zeros.
        var converted = GramCovarianceConversion.Convert([1.0, 2, 6], MatrixKind.Gram, MatrixKind.Covariance, samples: 3, features: 5);
        Assert.Equal([0, 0, 5.0 / 3, 10.0 / 3, 10.0], converted);
    }

    [Fact]
    public void Covariance_eigenvalues_become_gram_eigenvalues_scaled_by_samples_over_features()
    {
        var converted = GramCovarianceConversion.Convert([2.0, 4], MatrixKind.Covariance, MatrixKind.Gram, samples: 4, features: 2);
        Assert.Equal([0, 0, 4.0, 8.0], converted);
    }

    [Fact]
    public void The_computed_matrix_is_returned_as_it_is_when_it_was_the_one_asked_for()
    {
        double[] values = [1, 2];
        Assert.Same(values, GramCovarianceConversion.Convert(values, MatrixKind.Gram, MatrixKind.Gram, 2, 9));
    }
}
